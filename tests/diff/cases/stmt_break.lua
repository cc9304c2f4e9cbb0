for i = 1, 10 do
  if i == 3 then break end
  io.write(i, " ")
end
print()
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then break end
    io.write(i, j, " ")
  end
end
print()
local i = 0
while true do
  i = i + 1
  local x = i
  local f = function() return x end
  if i > 4 then print("break with upvalue", f()) break end
end
repeat break until false
print("after repeat break")
for k in pairs({a = 1}) do break end
print("after pairs break")
