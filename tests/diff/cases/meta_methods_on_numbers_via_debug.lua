-- debug.setmetatable can give numbers a metatable
local mt = {__index = {double = function(n) return n * 2 end}, __call = function(n, x) return n + x end}
debug.setmetatable(0, mt)
local n = 21
print(n:double(), (5)(3))
print(getmetatable(1) == mt)
debug.setmetatable(0, nil)
print(getmetatable(1))
print(pcall(function() return n:double() end))
