local mt = {__lt = function(a, b) return true end, __le = function(a, b) return false end}
local t = setmetatable({}, mt)
local u = setmetatable({}, mt)
print(t < u, t <= u, t > u, t >= u)
print(pcall(function() return t < "s" end))
print(pcall(function() return "s" < t end))
print(pcall(function() return t < 1 end))
local p = newproxy(true)
getmetatable(p).__lt = mt.__lt
print(pcall(function() return p < t end))
-- strings and numbers use their own order, not metamethods
getmetatable("").__lt = function() return "never used" end
print("a" < "b", "b" < "a")
getmetatable("").__lt = nil
