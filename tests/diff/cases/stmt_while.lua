local i = 0
while i < 5 do i = i + 1 end
print(i)
local n = 0
while true do
  n = n + 1
  if n >= 10 then break end
end
print(n)
local s = 0
local j = 10
while j > 0 do s = s + j; j = j - 2 end
print(s)
while false do print("never") end
local k = 0
while k < 3 do
  local k2 = k
  k = k + 1
  print("iter", k2)
end
