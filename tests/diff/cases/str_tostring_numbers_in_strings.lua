local t = {}
for _, v in ipairs({0, 1, -1, 0.5, 100, 1e6, 1e15, 1e16, 123.456, -0.001, 2^33, 1/7}) do
  t[#t + 1] = "" .. v
end
print(table.concat(t, " "))
print(10 .. 20, 1.5 .. "x", 1e300 .. "")
