local i, j = 0, 10
while i < j and (i % 7 ~= 6 or j > 100) do i = i + 1 end
print(i)
local t = {3, 1, 4, 1, 5, 9, 2, 6}
local k = 1
while t[k] and t[k] ~= 9 do k = k + 1 end
print(k, t[k])
local n = 0
while not (n >= 5) do n = n + 1 end
print(n)
local x
while x == nil or x < 3 do x = (x or 0) + 1 end
print(x)
