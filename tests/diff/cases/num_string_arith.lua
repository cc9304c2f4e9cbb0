print("0x10" * 1, "1e1" * 1, " 5 " * 2, "5." + 0, ".5" + 0)
print(pcall(function() return "0x" + 0 end))
print(pcall(function() return "1e" + 0 end))
print(pcall(function() return "abc" * 1 end))
print(10 == "10", "10" + 0 == 10)
local s = "3"
s = s + 1
print(s, type(s))
local n = 3
n = n .. ""
print(n, type(n))
print(-"3", -"-3", -" 0x10 ")
print(("5"):rep(2) * 2)
for i = "1", 2 do io.write(i, " ") end print()
print(math.floor("3.7"), ("10"):len())
