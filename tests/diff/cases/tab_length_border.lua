local t = {}
for i = 1, 10 do t[i] = i end
print(#t)
t[11] = nil
print(#t)
t[10] = nil
print(#t)
local u = {}
u[1] = 1
print(#u)
u[2] = 2; u[3] = 3
print(#u)
local grow = {}
for i = 1, 100 do grow[#grow + 1] = i end
print(#grow, grow[100])
for i = 100, 51, -1 do grow[i] = nil end
print(#grow)
local hashonly = {}
hashonly[1] = "a"; hashonly[2] = "b"
print(#hashonly)
local s = {n = 1}
print(#s)
