local mt = {__add = function(a, b) return "meta add" end, __concat = function() return "meta concat" end}
local t = setmetatable({}, mt)
print("10" + 1, t + "10", "10" + t, "abc" .. t)
print(pcall(function() return "abc" + t end))
print(pcall(function() return "abc" + {} end))
local n = setmetatable({}, {__unm = function() return "neg" end, __mod = function(a, b) return "mod" end})
print(-n, n % 2, 2 % n, "5" % n)
print(pcall(function() return -{} end))
print(pcall(function() return {} % 2 end))
