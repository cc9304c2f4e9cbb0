print("a" .. "b", "a" .. 1, 1 .. "a", 1 .. 2)
print(1.5 .. "", -0.0 .. "", 1e100 .. "", 2^53 .. "")
print("x" .. 10 / 2, "y" .. 2^3)
local s = ""
for i = 1, 10 do s = s .. i end
print(s)
local a, b, c, d, e = "1", "2", "3", "4", "5"
print(a .. b .. c .. d .. e)
print(a .. (b .. (c .. d)) .. e)
print(((a .. b) .. c) .. d)
print(pcall(function() return "a" .. nil end))
print(pcall(function() return "a" .. {} end))
print(pcall(function() return true .. "a" end))
print(pcall(function() local t = {} return t .. "x" end))
print(#("abc" .. "def"))
