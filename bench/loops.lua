-- numeric for/while loops with integer-valued and fractional arithmetic
local N = tonumber(arg and arg[1]) or 5000000
local s, x = 0, 0.5
for i = 1, N do
  s = s + i % 7 * 3 - i / 4
  x = x * 0.999999 + 1
end
local j, w = 0, 0
while j < N / 2 do j = j + 1; w = w + (j % 3 == 0 and 1 or -1) end
print(string.format("%.6f %.6f %d", s, x, w))
