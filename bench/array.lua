-- table array part: sequential writes, reads, in-place updates
local N = tonumber(arg and arg[1]) or 650
local t = {}
for i = 1, 10000 do t[i] = i end
local sum = 0
for rep = 1, N do
  for i = 1, #t do t[i] = t[i] + rep end
  for i = #t, 1, -2 do sum = sum + t[i] end
end
local u = {}
for i = 1, 200000 do u[#u + 1] = i * 2 end
print(sum, #u, u[#u])
