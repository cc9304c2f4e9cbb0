-- table.sort with random data and consistent or broken comparators: same order and errors as lua5.1
local seed = 7
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n end
local cmps = {
  function(a, b) return a.k < b.k end,
  function(a, b) return a.k <= b.k end,
  function(a, b) return a.k > b.k end,
  function(a, b) return a.k ~= b.k end,
  function(a, b) return (a.id + b.id) % 3 == 0 end,
}
local h = 0
for round = 1, 500 do
  local n = rnd(60)
  local t = {}
  for i = 1, n do t[i] = {k = rnd(1 + rnd(20)), id = i} end
  local c = cmps[1 + rnd(#cmps)]
  local ok, e = pcall(table.sort, t, c)
  local s = {}
  for i = 1, n do s[i] = t[i] and t[i].id or "nil" end
  print(round, ok, e, table.concat(s, ","))
end
