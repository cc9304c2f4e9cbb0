local t = {a = 1, b = 2, c = 3}
for k, v in pairs(t) do t[k] = v * 10 end
local keys = {}
for k, v in pairs(t) do keys[#keys + 1] = k .. "=" .. v end
table.sort(keys)
print(table.concat(keys, " "))
print(next({}), next({10}), next({10}, 1))
print(pcall(next))
print(pcall(next, nil))
