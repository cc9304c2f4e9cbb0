local mt = {__eq = function(a, b) print("eq called") return a.v == b.v end}
local a = setmetatable({v = 1}, mt)
local b = setmetatable({v = 1}, mt)
local c = setmetatable({v = 2}, mt)
print(a == b, a == c, a ~= b, a ~= c)
print(a == a)           -- raw equal: no call
print(a == 1, 1 == a)   -- different types: no call
-- different metamethods: no call in 5.1
local mt2 = {__eq = function() print("other eq") return true end}
local d = setmetatable({v = 1}, mt2)
print(a == d)
-- same function in two metatables: called
local same = function(x, y) print("same fn") return true end
local e = setmetatable({}, {__eq = same})
local f = setmetatable({}, {__eq = same})
print(e == f)
-- only one side has __eq
local g = setmetatable({}, {})
print(a == g, g == a)
-- result converted to boolean
local h1 = setmetatable({}, {__eq = function() return "truthy" end})
local h2 = setmetatable({}, getmetatable(h1))
print(h1 == h2)
local n1 = setmetatable({}, {__eq = function() return nil end})
local n2 = setmetatable({}, getmetatable(n1))
print(n1 == n2, n1 ~= n2)
