-- deterministic pseudo-random data from a simple LCG
local seed = 12345
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n end
local t = {}
for i = 1, 2000 do t[i] = rnd(1000) end
table.sort(t)
local ok = true
for i = 2, #t do if t[i - 1] > t[i] then ok = false end end
print(ok, t[1], t[1000], t[2000])
local u = {}
for i = 1, 500 do u[i] = "s" .. rnd(10000) end
table.sort(u, function(a, b) return a > b end)
print(u[1], u[250], u[500])
-- already sorted and reverse sorted inputs
local asc, desc = {}, {}
for i = 1, 1000 do asc[i] = i; desc[i] = 1001 - i end
table.sort(asc); table.sort(desc)
print(asc[1], asc[1000], desc[1], desc[1000])
-- many equal elements
local eq = {}
for i = 1, 1000 do eq[i] = i % 3 end
table.sort(eq)
print(eq[1], eq[334], eq[335], eq[1000])
-- count comparator calls is implementation specific: only check results
local stable = {}
for i = 1, 100 do stable[i] = {k = i % 5, i = i} end
table.sort(stable, function(a, b) if a.k ~= b.k then return a.k < b.k end return a.i < b.i end)
print(stable[1].i, stable[20].i, stable[21].i, stable[100].i)
