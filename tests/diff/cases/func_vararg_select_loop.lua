local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    if v then s = s + v end
  end
  return s
end
print(sum(1, 2, nil, 4), sum(), sum(nil))
local function rev(...)
  local n = select("#", ...)
  if n == 0 then return end
  local first = ...
  return (function(...) return rev(select(2, ...)) end)(...), first
end
print(rev(1, 2, 3))
local function count_nils(...)
  local c = 0
  for i = 1, select("#", ...) do if select(i, ...) == nil then c = c + 1 end end
  return c
end
print(count_nils(nil, 1, nil, nil, 2, nil))
