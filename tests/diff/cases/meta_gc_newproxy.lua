local log = {}
local function mk(name)
  local p = newproxy(true)
  getmetatable(p).__gc = function() log[#log + 1] = name end
  return p
end
local function make_garbage()
  local a = mk("a")
end
make_garbage()
collectgarbage()
collectgarbage()
print(table.concat(log, ","))
local kept = mk("kept")
collectgarbage()
print(table.concat(log, ","))
kept = nil
collectgarbage()
collectgarbage()
print(table.concat(log, ","))
-- __gc on tables is ignored in 5.1
local tlog = {}
local function tgarbage() setmetatable({}, {__gc = function() tlog[1] = "table gc" end}) end
tgarbage()
collectgarbage()
print(#tlog)
-- newproxy sharing a metatable
local p1 = newproxy(true)
local p2 = newproxy(p1)
print(getmetatable(p1) == getmetatable(p2), type(p1), type(newproxy()), getmetatable(newproxy()))
print(pcall(newproxy, {}))
