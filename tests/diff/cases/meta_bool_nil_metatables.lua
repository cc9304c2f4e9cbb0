debug.setmetatable(nil, {__index = function() return "nil indexed" end})
local x = nil
print(x.anything)
debug.setmetatable(nil, nil)
print(pcall(function() return x.anything end))
debug.setmetatable(true, {__tostring = function(b) return b and "YES" or "NO" end})
print(tostring(true), tostring(false))
debug.setmetatable(true, nil)
print(tostring(true))
