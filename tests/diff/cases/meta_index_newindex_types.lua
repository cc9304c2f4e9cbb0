-- __index/__newindex on values with non-table non-function metamethods
local t = setmetatable({}, {__index = "abc"})
print(pcall(function() return t.len == string.len, t.upper("q") end))
local u = setmetatable({}, {__newindex = 5})
print(pcall(function() u.x = 1 end))
local v = setmetatable({}, {__index = setmetatable({}, {__index = function(_, k) return "deep " .. k end})})
print(v.key)
