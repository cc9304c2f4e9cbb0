-- in 5.1 all expressions are evaluated before the assignments
local i = 1
local t = {}
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local a = {}
local k = 1
k, a[k], a[k + 1] = 5, "x", "y"
print(k, a[1], a[2], a[5])
-- swaps through tables
local s = {1, 2, 3}
s[1], s[2], s[3] = s[3], s[2], s[1]
print(s[1], s[2], s[3])
-- same target twice: 5.1 assigns right to left
local u
u, u = 1, 2
print(u)
local v = {}
v.x, v.x = "first", "second"
print(v.x)
GLOBAL1, GLOBAL1 = "g1", "g2"
print(GLOBAL1)
-- __newindex order of calls for a multiple assignment
local log = {}
local mt = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k .. "=" .. tostring(v) end})
mt.a, mt.b, mt.c = 1, 2, 3
print(table.concat(log, " "))
