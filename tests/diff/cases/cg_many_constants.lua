-- more than 256 distinct constants forces RK operands out of range
local src = {"local t = {}"}
for i = 1, 300 do src[#src + 1] = ("t[%q] = %d.5"):format("k" .. i, i) end
src[#src + 1] = "local s = 0"
for i = 1, 300, 7 do src[#src + 1] = ("s = s + t[%q] * %d.25 - %d"):format("k" .. i, i, i + 1000) end
src[#src + 1] = "if t.k299 == 299.5 and t['k300'] ~= 1 then s = s + 1 end"
src[#src + 1] = "local u = {k1 = 'v', [12345.5] = 'w', ['k300'] = 'z'}"
src[#src + 1] = "return s, t.k1, t.k300, u.k1, u[12345.5], u.k300, t.k150 < 200.5"
local f = assert(loadstring(table.concat(src, "\n")))
print(f())
-- function with many string constants used as globals
local g = {}
for i = 1, 280 do g[#g + 1] = ("G%d = %d"):format(i, i) end
g[#g + 1] = "return G1 + G280 + G140"
print(assert(loadstring(table.concat(g, "\n")))())
