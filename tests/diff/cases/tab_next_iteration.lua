local t = {10, 20, 30, 40}
local sum, cnt = 0, 0
for k, v in pairs(t) do sum = sum + v; cnt = cnt + 1 end
print(sum, cnt)
local h = {a = 1, b = 2, c = 3, d = 4, e = 5}
local keys = {}
for k in pairs(h) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, ","))
-- clearing fields during traversal is allowed
for k in pairs(h) do h[k] = nil end
print(next(h))
-- next with invalid key
print(pcall(next, {}, "nokey"))
print(pcall(next, {a = 1}, 1))
-- ipairs stops at first nil
local arr = {1, 2, nil, 4}
local n = 0
for i, v in ipairs(arr) do n = i end
print(n)
-- mixed table: count entries
local m = {1, 2, 3, x = 1, y = 2, [100] = 3}
local c = 0
for _ in pairs(m) do c = c + 1 end
print(c)
