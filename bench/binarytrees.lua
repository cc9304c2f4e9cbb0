-- allocation-heavy recursion: build and walk binary trees
local N = tonumber(arg and arg[1]) or 12
local function bottomup(d)
  if d == 0 then return {} end
  d = d - 1
  return {bottomup(d), bottomup(d)}
end
local function check(t)
  if t[1] then return 1 + check(t[1]) + check(t[2]) end
  return 1
end
local long = bottomup(N)
local total = 0
for d = 4, N, 2 do
  local iters = 2 ^ (N - d + 4)
  local c = 0
  for i = 1, iters do c = c + check(bottomup(d)) end
  total = total + c
end
print(total, check(long))
