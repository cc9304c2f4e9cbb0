local mt = {__eq = function(a, b) return true end}
local p1 = newproxy(true)
local p2 = newproxy(p1)
getmetatable(p1).__eq = mt.__eq
print(p1 == p2, p1 ~= p2)
local p3 = newproxy(true)
getmetatable(p3).__eq = mt.__eq
print(p1 == p3)
local t = setmetatable({}, mt)
print(t == p1, p1 == t)
local p4 = newproxy(true)
getmetatable(p4).__eq = function() return true end
print(p1 == p4)
