local parts = {}
for i = 1, 1000 do parts[i] = "key" .. (i % 50) end
local set = {}
for _, p in ipairs(parts) do set[p] = (set[p] or 0) + 1 end
local n = 0
for k, v in pairs(set) do n = n + 1 end
print(n, set.key0, set.key49)
local a = string.rep("ab", 100)
local b = ("ab"):rep(50) .. ("ab"):rep(50)
print(a == b, #a)
local t = {[a] = "long key"}
print(t[b])
collectgarbage()
print(t[("ab"):rep(100)])
