local t = {5, 2, 8, 1, 9, 3, 7, 4, 6, 0}
table.sort(t)
print(table.concat(t, " "))
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
local s = {"banana", "apple", "Cherry", "date", "Apple"}
table.sort(s)
print(table.concat(s, " "))
table.sort(s, function(a, b) return a:lower() < b:lower() end)
print(s[1]:lower(), s[3], s[4], s[5])
local recs = {{n = "c", v = 3}, {n = "a", v = 1}, {n = "b", v = 2}}
table.sort(recs, function(x, y) return x.v < y.v end)
print(recs[1].n, recs[2].n, recs[3].n)
local one = {42}
table.sort(one)
print(one[1])
local empty = {}
table.sort(empty)
print(#empty)
local nums = {3.5, -1, 2, 1e10, -1e10, 0}
table.sort(nums)
print(table.concat(nums, " "))
print(pcall(table.sort, {{}, {}}))
print(pcall(table.sort))
print(pcall(table.sort, {}, 1))
