-- sort results that do not depend on algorithm (strict total orders)
local words = {}
for w in ("the quick brown fox jumps over the lazy dog again and again"):gmatch("%a+") do words[#words + 1] = w end
table.sort(words)
print(table.concat(words, " "))
table.sort(words, function(a, b) if #a ~= #b then return #a < #b end return a < b end)
print(table.concat(words, " "))
local nums = {}
for i = 1, 50 do nums[i] = (i * 7919) % 101 end
table.sort(nums, function(a, b) return a > b end)
print(table.concat(nums, " "))
