-- demo_run.lua -- compiled into the demo's image with the app (so its code costs no RAM either);
-- demo_init.lua calls it after node.LFS.reload has restarted the VM: runs the example
-- application from the flash store and reports the heap.
local c = node.LFS.config
print(string.format("demo_run.lua: store of %d modules (%d bytes of flash), heap %.1f KB used",
  c.modules, c.used, collectgarbage("count")))
local n, tail = 0, {}
local real_print = print
print = function(...)   -- the app's output, shown in short: the first 3 lines and the last 2
  local t = { ... }
  for i = 1, select("#", ...) do t[i] = tostring(t[i]) end
  for l in (table.concat(t, "\t") .. "\n"):gmatch("(.-)\n") do
    n = n + 1
    if n <= 3 then real_print("  | " .. l) else tail[#tail + 1] = l if #tail > 2 then table.remove(tail, 1) end end
  end
end
collectgarbage()   -- start the app with no garbage of this script around
local ok, err = pcall(require, "app")
print = real_print
if n > 5 then print(string.format("  | ... (%d more lines)", n - 5)) end
for i = 1, #tail do print("  | " .. tail[i]) end
local left, used = node.heap()
if ok then
  collectgarbage()
  print(string.format("demo_run.lua: the app ran from the store; heap %.1f KB used (%.1f KB after a"
    .. " full collection), %s", used / 1024, collectgarbage("count"),
    left and string.format("%.1f KB left", left / 1024) or "no limit"))
else
  print("demo_run.lua: the app failed: " .. tostring(err))
  os.exit(1)
end
