-- closure creation and upvalue reads/writes
local N = tonumber(arg and arg[1]) or 1000000
local function counter()
  local c = 0
  return function(d) c = c + d return c end
end
local total = 0
for i = 1, N do
  local f = counter()
  f(i)
  total = total + f(1)
end
local acc = counter()
local function apply(fn, n) for i = 1, n do fn(1) end end
apply(acc, N * 2)
print(total, acc(0))
