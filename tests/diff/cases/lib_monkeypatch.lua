function string.trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end
print(("  x  "):trim() .. "|")
local s = string
print(s.trim == string.trim)
table.unpack = table.unpack or unpack
print(table.unpack({1,2,3}))
math.round = function(x) return math.floor(x + 0.5) end
print(math.round(2.6))
string.format = nil
print(string.format, rawget(string, "format"))
string.format = nil
local keys = {}
for k in pairs(math) do keys[#keys+1] = k end
table.sort(keys) print(table.concat(keys, " "))
local n = 0 for k, v in pairs(string) do n = n + 1 end print(n)
rawset(os, "x", 5) print(os.x, rawget(os, "x"))
rawset(os, 1, "a") print(os[1], rawget(os,1), #os)
for i, v in ipairs(os) do print(i, v) end
print(getfenv(print) == _G, getfenv(string.len) == _G)
print(pcall(setfenv, string.len, {}))
collectgarbage() collectgarbage()
print(math.round(3.4), string.trim(" a "))
local w = setmetatable({}, {__mode = "k"}) w[string] = 1 w[math.sin] = 2 collectgarbage()
print(w[string], w[math.sin])
local w2 = setmetatable({}, {__mode = "v"}) w2[1] = table collectgarbage() print(w2[1] == table)
local mt = setmetatable({}, {__index = math}) print(mt.floor(2.5), mt.round(2.5))
local f = (function() local up = string return function() return up.rep("a", 3) end end)() collectgarbage() print(f())
-- every library table: add, override, delete, iterate (sorted), restore
for _, name in ipairs({"string", "table", "math", "os", "io", "debug", "coroutine", "package"}) do
  local lib = _G[name]
  local keys = {}
  for k in pairs(lib) do keys[#keys + 1] = tostring(k) end
  table.sort(keys)
  local first = keys[1]
  local saved = lib[first]
  lib.added = name
  lib[first] = "over"
  local n, seen = 0, {}
  for k, v in pairs(lib) do n = n + 1; seen[k] = v end
  print(name, n == #keys + 1, seen.added, seen[first], rawget(lib, first))
  lib[first] = nil
  print(name, lib[first], rawget(lib, first), next(lib, nil) ~= nil)
  lib[first] = saved
  lib.added = nil
  local m = 0 for k in pairs(lib) do m = m + 1 end
  print(name, m == #keys, lib[first] == saved, lib.added)
end
