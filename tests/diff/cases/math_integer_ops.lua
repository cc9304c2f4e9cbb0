-- float arithmetic that produces integers exactly
local s = 0
for i = 1, 100 do s = s + i * i end
print(s, s / 5, s % 7)
print(2^52 + 1, 2^52 - 1, (2^52 + 1) % 2)
print(1e15 / 3, math.floor(1e15 / 3), 1e15 % 7)
print(-7 / 2, math.floor(-7 / 2), -7 % 2, math.fmod(-7, 2))
print(0.1 + 0.2 == 0.3, 0.1 + 0.2, 0.5 + 0.25 == 0.75)
print(3 * 1.1, 100 * 1.1, 1 - 0.9)
print(255 / 16, 1e-3 * 1e3, 12345678 * 100)
