local mt = {__le = function(a, b) return a.v <= b.v end}
local a, b = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)
print(a <= b, b <= a, a >= b)
print(pcall(function() return a < b end))
local mt2 = {__lt = function(a, b) return a.v < b.v end}
local c, d = setmetatable({v = 1}, mt2), setmetatable({v = 1}, mt2)
print(c <= d, c < d, c >= d)
