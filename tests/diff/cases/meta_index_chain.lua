local a = {a = "A"}
local b = setmetatable({b = "B"}, {__index = a})
local c = setmetatable({c = "C"}, {__index = b})
local d = setmetatable({}, {__index = function(t, k) return c[k] or ("fn:" .. k) end})
print(d.a, d.b, d.c, d.zz)
-- long chain
local prev = {deep = "bottom"}
for i = 1, 50 do prev = setmetatable({}, {__index = prev}) end
print(prev.deep)
-- a loop in __index chain
local l1, l2 = {}, {}
setmetatable(l1, {__index = l2})
setmetatable(l2, {__index = l1})
local ok, msg = pcall(function() return l1.x end)
print(ok, msg)
