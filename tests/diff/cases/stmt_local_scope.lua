local x = 1
do
  local x = 2
  print(x)
  do local x = 3 print(x) end
  print(x)
end
print(x)
local x = x + 10
print(x)
local function f() return x end
x = 100
print(f())
local y = 1
local y = y + 1
print(y)
local a, a = 1, 2
print(a)
