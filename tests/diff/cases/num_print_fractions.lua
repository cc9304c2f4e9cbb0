local out = {}
for i = 1, 30 do out[#out + 1] = tostring(i / 7) end
print(table.concat(out, " "))
out = {}
for i = 1, 20 do out[#out + 1] = tostring(1 / 2 ^ i) end
print(table.concat(out, " "))
out = {}
for i = 1, 12 do out[#out + 1] = tostring(0.1 * i) end
print(table.concat(out, " "))
print(1 - 1e-15, 1 + 1e-15, 1 + 1e-14, 0.1 + 0.7, 123.456e-300)
print(3.0, -3.0, 3.5, 1e-7, 123456.789e3)
