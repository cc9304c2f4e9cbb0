for i = 1, 3 do io.write(i, " ") end print()
for i = 3, 1, -1 do io.write(i, " ") end print()
for i = 1, 0 do io.write("never") end print("empty")
for i = 1, 2, 0.5 do io.write(i, " ") end print()
for i = 1, 0, -0.25 do io.write(i, " ") end print()
for i = 0, 1, 0.1 do io.write(i, " ") end print()
for i = 10, 1, -3 do io.write(i, " ") end print()
for i = -5, -1 do io.write(i, " ") end print()
for i = 1.5, 4 do io.write(i, " ") end print()
for i = 1, 3 do local i = i * 2 io.write(i, " ") end print()
local n = 0
for i = 1, 1000 do n = n + i end
print(n)
for i = 1, 3 do
  i = i * 10   -- changing the control variable does not affect the loop
  io.write(i, " ")
end
print()
for i = "1", "3" do io.write(i, ";") end print()
for i = 2^52 - 2, 2^52 do io.write(string.format("%.0f ", i)) end print()
