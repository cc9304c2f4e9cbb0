local a, b, c = 1, 2
print(a, b, c)
local d, e = 1, 2, 3
print(d, e)
local function three() return 1, 2, 3 end
local x, y, z, w = three()
print(x, y, z, w)
local p, q, r = three(), 10
print(p, q, r)
local m, n = (three())
print(m, n)
x, y = y, x
print(x, y)
local t = {}
t[1], t[2], t[3] = three()
print(t[1], t[2], t[3])
a, b, c = 0
print(a, b, c)
