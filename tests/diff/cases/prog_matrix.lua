local function matmul(a, b)
  local n, m, p = #a, #b, #b[1]
  local c = {}
  for i = 1, n do
    c[i] = {}
    for j = 1, p do
      local s = 0
      for k = 1, m do s = s + a[i][k] * b[k][j] end
      c[i][j] = s
    end
  end
  return c
end
local a = {{1, 2, 3}, {4, 5, 6}}
local b = {{7, 8}, {9, 10}, {11, 12}}
local c = matmul(a, b)
for i = 1, #c do print(table.concat(c[i], " ")) end
local id = {}
for i = 1, 4 do id[i] = {} for j = 1, 4 do id[i][j] = i == j and 1 or 0 end end
local m = {}
for i = 1, 4 do m[i] = {} for j = 1, 4 do m[i][j] = i * 10 + j end end
local r = matmul(m, id)
print(r[2][3], r[4][4])
