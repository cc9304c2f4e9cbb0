local mt = {}
mt.__lt = function(a, b) print("lt", a.v, b.v) return a.v < b.v end
mt.__le = function(a, b) print("le", a.v, b.v) return a.v <= b.v end
local function N(v) return setmetatable({v = v}, mt) end
local x, y = N(1), N(2)
print(x < y, x > y, x <= y, x >= y)
-- __le falls back to not __lt(b, a)
local mt2 = {__lt = function(a, b) print("lt only", a.v, b.v) return a.v < b.v end}
local p, q = setmetatable({v = 1}, mt2), setmetatable({v = 2}, mt2)
print(p <= q, q <= p, p >= q)
-- mixed types error even with metamethods
print(pcall(function() return x < 1 end))
print(pcall(function() return 1 <= x end))
-- different metamethods: error
local other = setmetatable({v = 0}, {__lt = function() return true end})
print(pcall(function() return x < other end))
-- result converted to boolean
local z = setmetatable({}, {__lt = function() return 0 end})
local w = setmetatable({}, getmetatable(z))
print(z < w)
