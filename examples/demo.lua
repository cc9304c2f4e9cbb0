-- demo.lua -- installs a flash store image from Lua (make demo, examples/demo.sh):
--   flashlua --heap 96K --flash dev.flash --init examples/demo_init.lua examples/demo.lua app.img
-- node.LFS.reload checks the whole image first (nothing is written if it is refused: then it
-- returns the reason), writes it, and restarts the VM; the restart runs the --init script.
local image = assert(arg[1], "usage: demo.lua IMAGE")
local left, used = node.heap()
print(string.format("demo.lua: heap %.1f KB used, %s; node.LFS.reload(%q)", used / 1024,
  left and string.format("%.1f KB left", left / 1024) or "no limit", image))
local err = node.LFS.reload(image)
print("demo.lua: reload refused: " .. tostring(err))   -- only reached when the image is refused
os.exit(1)
