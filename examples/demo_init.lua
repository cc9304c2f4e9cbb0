-- demo_init.lua -- the start-up script of the demo (flashlua --init): after node.LFS.reload
-- has restarted the VM, runs the example application from the flash store and reports the heap.
if not node.LFS.get("app") then return end   -- first start: no store yet, demo.lua installs it
local c = node.LFS.config
print(string.format("demo_init.lua: store of %d modules (%d bytes of flash), heap %.1f KB used",
  c.modules, c.used, collectgarbage("count")))
local lines = {}
local real_print = print
print = function(...)   -- the app's output: kept, shown in short below
  local t = { ... }
  for i = 1, select("#", ...) do t[i] = tostring(t[i]) end
  for l in (table.concat(t, "\t") .. "\n"):gmatch("(.-)\n") do lines[#lines + 1] = l end
end
local ok, err = pcall(require, "app")
print = real_print
for i = 1, #lines do
  if i <= 3 or i > #lines - 2 then print("  | " .. lines[i])
  elseif i == 4 then print(string.format("  | ... (%d more lines)", #lines - 5)) end
end
local left, used = node.heap()
if ok then
  collectgarbage()
  print(string.format("demo_init.lua: the app ran from the store; heap %.1f KB used (%.1f KB after a"
    .. " full collection), %s", used / 1024, collectgarbage("count"),
    left and string.format("%.1f KB left", left / 1024) or "no limit"))
else
  print("demo_init.lua: the app failed: " .. tostring(err))
  os.exit(1)
end
