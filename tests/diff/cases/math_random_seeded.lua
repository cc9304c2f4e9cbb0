-- with a fixed seed the sequence comes from the C library's rand()
math.randomseed(42)
local a = {}
for i = 1, 5 do a[#a + 1] = math.random(100) end
print(table.concat(a, " "))
math.randomseed(42)
local b = {}
for i = 1, 5 do b[#b + 1] = math.random(100) end
print(table.concat(b, " ") == table.concat(a, " "))
math.randomseed(7)
print(math.random(5, 10), math.random(1, 1), math.random(3))
local x = math.random()
print(x >= 0 and x < 1)
print(string.format("%.6f", math.random()))
print(pcall(math.random, 0))
print(pcall(math.random, 5, 1))
print(pcall(math.random, 1, 2, 3))
math.randomseed(1)
local counts = {0, 0, 0}
for i = 1, 3000 do local r = math.random(3) counts[r] = counts[r] + 1 end
print(counts[1] + counts[2] + counts[3], counts[1] > 800, counts[2] > 800, counts[3] > 800)
math.randomseed(123.7)
print(math.random(1000))
