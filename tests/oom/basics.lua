-- allocation-heavy but deterministic: strings, tables, closures, metatables
local t = {}
for i = 1, 200 do t[i] = ("item%d"):format(i) end
local s = table.concat(t, ",")
print(#s)
local h = {}
for i = 1, 100 do h["k" .. i] = {i, tostring(i), function() return i end} end
local n = 0
for k, v in pairs(h) do n = n + v[3]() end
print(n)
local mt = {__index = function(t, k) return k .. "!" end}
local o = setmetatable({}, mt)
print(o.hello, #string.rep("ab", 100))
print(select("#", string.byte(s, 1, 50)))
