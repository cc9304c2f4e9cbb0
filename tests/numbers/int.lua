-- the 32-bit integer build (as NodeMCU's integer firmware): / and % floor, ^ is integer power
print(7 / 2, -7 / 2, 7 % 3, -7 % 3, 7 % -3)
print(2 ^ 10, 3 ^ 0, 2147483647 + 1, -2147483647 - 2)
print(tonumber("0x10"), tonumber("  12  "), "5" + 2, 10 .. "")
print(math.max(3, 9), math.min(3, -9), math.abs(-5))
print(string.format("%d|%5d|%x", 42, 7, 255))
local t = {} for i = 1, 10 do t[i] = i * i end
print(#t, t[10], table.concat(t, ","))
for i = 10, 1, -3 do io.write(i, " ") end print()
print(pcall(function() return 1 / 0 end))
print(select("#", 1, 2, 3), #"abc")
