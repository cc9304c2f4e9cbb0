local t = {}
for x = 0, 0.3, 0.1 do t[#t + 1] = string.format("%.17g", x) end
print(table.concat(t, " "))
local s = 0
for i = 1, 10 do s = s + 0.1 end
print(s, s == 1, string.format("%.17g", s))
print(0.1 * 3, 0.3, 0.1 * 3 == 0.3)
