-- vararg functions: select, {...}, unpack, forwarding
local N = tonumber(arg and arg[1]) or 300000
local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...)) end
  return s
end
local function pack(...) return {...} end
local function fwd(...) return sum(...) end
local total = 0
for i = 1, N do
  total = total + fwd(i, 2, 3, 4) + #pack(i, i, i)
  local t = pack(1, 2, 3, 4, 5)
  total = total + sum(unpack(t))
end
print(total)
