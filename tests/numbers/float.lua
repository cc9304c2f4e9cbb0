-- the float build: lua_Number is a 32-bit float, printed with %.7g
print(1/3, 2^24, 2^24 + 1, 0.1 + 0.2)
print(7 % 3, -7 % 3, 7.5 % 2, -7.5 % 2)
print(math.floor(3.7), math.ceil(-3.7), math.abs(-2.5), math.max(1, 9, 3))
print(string.format("%.3f|%g|%d", 1.5, 1e10, 42))
print(tostring(1e10), tonumber("0x1F"), tonumber("  12.5  "), 10 / 4)
print(#tostring(math.pi), math.huge, -math.huge)
local t = {} for i = 1, 100 do t[i] = i * 0.5 end
print(#t, t[100], table.concat({1.25, 2, 3.5}, " "))
for i = 1, 2, 0.25 do io.write(i, " ") end print()
print(pcall(function() return 1 < "x" end))
