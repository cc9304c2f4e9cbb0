-- numeric constants that are special to compilers
print(0, -0, 1, -1, 0.5, -0.5, 255, 256, 257, 65535, 65536, 131071, 131072, 262143)
print(2147483647, 2147483648, -2147483648, -2147483649, 4294967295, 4294967296)
print(1e300 * 10, -1e300 * 10)
local t = {}
for i = -3, 3 do t[#t + 1] = i * 0.5 end
print(table.concat(t, " "))
local x = 3
print(x + 0, x - 0, x * 1, x / 1, x % 1, x ^ 1, x + -0, 0 - x)
print(x * 0, -x * 0, 0 * -x)
