local pz, nz = 0, -0
print(pz, nz)
local z = 0
local m = -z
print(m, 1/m)
print(string.format("%g %g", m, -m))
print(m == 0, m == z)
local t = {}
t[m] = "negzero"
print(t[0], t[-0])
print(tostring(-z), tostring(0 * -1))
print(math.abs(-z))
