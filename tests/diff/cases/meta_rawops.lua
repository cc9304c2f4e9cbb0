local mt = {__index = function() return "meta" end, __newindex = function() error("blocked") end,
  __eq = function() return true end}
local t = setmetatable({}, mt)
rawset(t, "k", "raw")
print(t.k, rawget(t, "k"), rawget(t, "nokey"), t.nokey)
print(rawequal(t, t), rawequal(t, setmetatable({}, mt)), t == setmetatable({}, mt))
print(pcall(rawset, t, nil, 1))
print(pcall(rawget, "str", 1))
print(pcall(rawset, {}, 1))
print(rawequal(1, 1), rawequal("a", "a"), rawequal(1, "1"))
print(pcall(rawequal, 1))
print(rawset(t, 1, 2) == t)
