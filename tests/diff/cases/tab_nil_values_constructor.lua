local t = {nil, nil, 3}
print(t[1], t[2], t[3])
local u = {n = nil, x = 1}
local c = 0
for k in pairs(u) do c = c + 1 end
print(c)
local v = {[1] = nil, [2] = "two"}
print(v[1], v[2])
local function nils() return nil, nil end
local w = {nils()}
print(w[1], w[2])
