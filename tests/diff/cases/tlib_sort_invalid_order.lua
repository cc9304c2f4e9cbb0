-- Pins behaviour that depends on 5.1's exact sort algorithm: which pair is
-- compared first, and when an inconsistent comparator is detected.
print(pcall(table.sort, {1, "a", 2}))
print(pcall(table.sort, {"a", 1, 2, 3, 4}))
local t = {}
for i = 1, 100 do t[i] = (i * 37) % 101 end
local ok, err = pcall(table.sort, t, function(a, b) return true end)
print(ok, err)
local t2 = {3, 1, 2}
print(pcall(table.sort, t2, function(a, b) error("cmp error") end))
print(pcall(table.sort, {3, 2, 1}, function(a, b) return a.x < b end))
print(pcall(table.sort, {"x", {}, "y"}, function(a, b) return a < b end))
