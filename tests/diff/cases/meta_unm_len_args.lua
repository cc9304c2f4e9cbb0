-- 5.1 passes the operand twice to __unm; __len gets (u, nil)
local mt = {}
mt.__unm = function(...) local a, b = ... return select("#", ...), a == b end
local t = setmetatable({}, mt)
print(-t)
local p = newproxy(true)
getmetatable(p).__len = function(...) local a, b = ... return select("#", ...) * 10 + (b == nil and 1 or 0) end
print(#p)
getmetatable(p).__unm = function(a, b) return rawequal(a, b) end
print(-p)
