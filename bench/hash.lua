-- table hash part: string keys, inserts, lookups, deletes
local N = tonumber(arg and arg[1]) or 150
local keys = {}
for i = 1, 5000 do keys[i] = "key_" .. i end
local total = 0
for rep = 1, N do
  local h = {}
  for i = 1, #keys do h[keys[i]] = i + rep end
  for i = 1, #keys, 3 do total = total + h[keys[i]] end
  for i = 1, #keys, 2 do h[keys[i]] = nil end
  for k, v in pairs(h) do total = total + v % 3 end
end
local fields = {alpha = 1, beta = 2, gamma = 3, delta = 4}
local acc = 0
for i = 1, 500000 do acc = acc + fields.alpha + fields.gamma - fields.beta + fields.delta end
print(total, acc)
