local weak = setmetatable({}, {__mode = "v"})
local keep = {}
local function fill()
  weak[1] = keep
  weak[2] = {}
  weak[3] = "strings are values, not collected"
  weak[4] = function() end
  weak.x = 10
end
fill()
collectgarbage()
collectgarbage()
print(weak[1] == keep, weak[2], weak[3], weak[4], weak.x)
local both = setmetatable({}, {__mode = "kv"})
local function fill2()
  both[{}] = 1
  both[2] = {}
  both[keep] = keep
end
fill2()
collectgarbage()
local c = 0
for k, v in pairs(both) do c = c + 1 end
print(c)
