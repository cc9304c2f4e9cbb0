local t = {"a", "b", "c", x = 1}
local f, s, v = ipairs(t)
print(type(f), s == t, v)
print(f(t, 0))
print(f(t, 3))
local pf, ps, pv = pairs(t)
print(pf == next, ps == t, pv)
local n = 0
for i, v in ipairs({}) do n = n + 1 end
print(n)
print(pcall(ipairs))
print(pcall(pairs))
print(pcall(ipairs, "str"))
print(pcall(pairs, nil))
-- ipairs respects __index in 5.1? (no: it uses rawget)
local proxy = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 10 end end})
local c = 0
for i, v in ipairs(proxy) do c = c + 1 end
print(c)
