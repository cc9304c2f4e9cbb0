-- allocation of many short-lived small tables and strings
local N = tonumber(arg and arg[1]) or 700000
local keep = {}
local sum = 0
for i = 1, N do
  local t = {i, i + 1, x = i}
  local v = {t, {i}}
  sum = sum + v[1][2] + v[2][1] - t.x
  if i % 1000 == 0 then keep[#keep + 1] = tostring(i) end
end
print(sum, #keep)
