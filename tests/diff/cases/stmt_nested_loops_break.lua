local out = {}
for i = 1, 4 do
  local j = 0
  while true do
    j = j + 1
    if j > i then break end
    repeat
      if (i + j) % 2 == 0 then break end
      out[#out + 1] = i .. ":" .. j
    until true
  end
end
print(table.concat(out, " "))
local found
for i = 1, 10 do
  for j = 1, 10 do
    if i * j == 42 then found = i .. "*" .. j break end
  end
  if found then break end
end
print(found)
