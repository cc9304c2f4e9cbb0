local t = {}
rawset(t, "a", 1)
print(rawget(t, "a"), t.a)
rawset(t, 1, "one")
print(rawget(t, 1), rawget(t, 1.0), #t)
local mt = {__index = function() return "mt" end, __newindex = function() error("no") end}
setmetatable(t, mt)
rawset(t, "b", 2)
print(rawget(t, "b"), rawget(t, "zzz"), t.zzz)
print(pcall(rawset, t, 0/0, 1))
print(pcall(rawget, t))
print(rawget(t, nil))
print(select("#", rawget(t, "none")))
