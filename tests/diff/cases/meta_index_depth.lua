-- __index chains of tables are followed up to a fixed depth
local function chain(n)
  local base = {val = "found at depth " .. n}
  local cur = base
  for i = 1, n do cur = setmetatable({}, {__index = cur}) end
  return cur
end
print(pcall(function() return chain(10).val end))
print(pcall(function() return chain(99).val end))
local ok, e = pcall(function() return chain(101).val end)
print(ok, e)
local ok2, e2 = pcall(function() chain(101).newkey = 1 end)
print(ok2)
local function nchain(n)
  local cur = {}
  local base = cur
  for i = 1, n do cur = setmetatable({}, {__newindex = cur}) end
  return cur, base
end
local top, base = nchain(50)
top.x = "deep set"
print(base.x)
local top2 = nchain(120)
print(pcall(function() top2.y = 1 end))
