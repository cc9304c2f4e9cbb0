local t = {}
for i = 1, 64 do t[i] = i end
print(#t)
for i = 64, 33, -1 do t[i] = nil end
print(#t)
for i = 33, 40 do t[i] = i end
print(#t)
local u = {1, 2, 3, 4, 5, 6, 7, 8}
u[#u] = nil; u[#u] = nil
print(#u)
u[#u + 1] = "x"
print(#u, u[#u])
