local t = {a = {b = {c = {}}}}
t.a.b.c.d = "deep"
print(t.a.b.c.d, t["a"]["b"]["c"]["d"])
local i = 1
local arr = {{}, {}}
arr[i][i + 1] = "x"
print(arr[1][2])
local function get() return t end
get().new = 5
print(t.new)
local grid = {}
for y = 1, 3 do
  grid[y] = {}
  for x = 1, 3 do grid[y][x] = x * y end
end
print(grid[2][3], grid[3][3])
local row = {}
for y = 1, 3 do row[y] = table.concat(grid[y], " ") end
print(table.concat(row, " | "))
