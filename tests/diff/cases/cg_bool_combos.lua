-- and/or/not in value and condition contexts over all value combinations
local vals = {nil, false, 0, "x"}
local names = {"nil", "false", "0", "x"}
local function show(v) if v == nil then return "nil" end return tostring(v) end
local function exprs(a, b, c, d)
  return (a or b) and (c or d), a and b or c and d, not a or b, not (a and b), a and not b,
         (a or b) or (c and d), a and (b or c) and d, not not a
end
local function conds(a, b, c, d)
  local r = {}
  if (a or b) and (c or d) then r[#r + 1] = 1 else r[#r + 1] = 0 end
  if a and b or c and d then r[#r + 1] = 1 else r[#r + 1] = 0 end
  if not a or b then r[#r + 1] = 1 else r[#r + 1] = 0 end
  if not (a and b) then r[#r + 1] = 1 else r[#r + 1] = 0 end
  if a and not b then r[#r + 1] = 1 else r[#r + 1] = 0 end
  while a and b do r[#r + 1] = 2 break end
  local n = 0
  repeat n = n + 1 until a or not b or n > 2
  r[#r + 1] = n
  return table.concat(r)
end
for i = 1, 4 do for j = 1, 4 do
  local a, b = vals[i], vals[j]
  local c, d = vals[(i + j) % 4 + 1], vals[(i * j) % 4 + 1]
  local res = {exprs(a, b, c, d)}
  local out = {}
  for k = 1, 8 do out[k] = show(res[k]) end
  print(names[i], names[j], show(c), show(d), table.concat(out, ","), conds(a, b, c, d))
end end
