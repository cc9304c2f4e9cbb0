-- constant expressions that the 5.1 compiler may or may not fold
print(0/0 ~= 0/0, 1/0, -1/0)
print(-0, 0 * -1, -0.0)
local nz = -0
print(nz, 1 / nz)
local nz2 = -(0)
print(1 / nz2)
print(2^63, -2^63, 1e300 * 1e300)
print(3 % 0 ~= 3 % 0)
print(1 + 2 * 3 - 4 / 2, 2 ^ 10, 7 % 4, -(2 + 3))
print("1" + "2", "3" * 4, 10 / "4", "0x10" + 0)
local a = 5
print(a + 0 * 3, a * 1, 0 + a)
print(not nil, not 0, not "")
