local c = 0
for x = 0, 1, 0.1 do c = c + 1 end
print(c)
c = 0
for x = 1, 0, -0.1 do c = c + 1 end
print(c)
local vals = {}
for x = 0.1, 0.55, 0.15 do vals[#vals + 1] = x end
print(table.concat(vals, " "))
for x = 1, 3, 0.7 do io.write(x, " ") end print()
for x = -1, -2, -0.3 do io.write(x, " ") end print()
for x = 1e15, 1e15 + 2 do io.write(string.format("%.0f", x), " ") end print()
for i = math.huge, 1 do print("never") end
local k = 0
for i = 1, math.huge do k = k + 1 if k == 5 then break end end
print(k)
for i = 0.5, 2.5 do io.write(i, " ") end print()
