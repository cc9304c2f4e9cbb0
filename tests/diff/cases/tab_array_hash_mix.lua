local t = {}
t[1] = "a"; t[3] = "c"; t[2] = "b"
print(#t, t[1] .. t[2] .. t[3])
t.x = "x"
t[4] = "d"
print(#t)
local keys = {}
for k in pairs(t) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, ","))
local u = {[1] = 1, [2] = 2, [3] = 3}
print(#u)
local sparse = {}
sparse[1000000] = 1
print(sparse[1000000], #sparse)
local count = 0
for k, v in pairs(sparse) do count = count + 1 end
print(count)
