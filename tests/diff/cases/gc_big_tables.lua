local t = {}
for i = 1, 30000 do t["k" .. i] = i end
local s = 0
for k, v in pairs(t) do s = s + v end
print(s)
for i = 1, 30000, 2 do t["k" .. i] = nil end
collectgarbage()
local c = 0
for k, v in pairs(t) do c = c + 1 end
print(c, t.k2, t.k29999, t.k30000)
local arr = {}
for i = 1, 30000 do arr[i] = i * 2 end
print(#arr, arr[30000])
