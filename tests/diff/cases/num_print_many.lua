-- number to string conversion (%.14g) over many magnitudes
local vals = {}
for e = -20, 20 do vals[#vals + 1] = 10 ^ e end
for e = -20, 20 do vals[#vals + 1] = 1.5 * 10 ^ e end
for e = -5, 5 do vals[#vals + 1] = -(7 ^ e) end
for i = 1, #vals, 6 do
  local row = {}
  for j = i, math.min(i + 5, #vals) do row[#row + 1] = tostring(vals[j]) end
  print(table.concat(row, " "))
end
