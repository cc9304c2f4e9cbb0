-- table.sort on numbers and strings, with and without comparator
local N = tonumber(arg and arg[1]) or 8
local seed = 42
local function rnd() seed = (seed * 16807) % 2147483647 return seed end
local chk = 0
for rep = 1, N do
  local t = {}
  for i = 1, 20000 do t[i] = rnd() % 100000 end
  table.sort(t)
  local u = {}
  for i = 1, 10000 do u[i] = "s" .. (rnd() % 50000) end
  table.sort(u, function(a, b) return a > b end)
  chk = chk + t[1] + t[10000] + t[20000] + #u[1] + #u[10000]
end
print(chk)
