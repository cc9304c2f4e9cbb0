local t = {"a", "b", "c", "d", "e"}
print(table.remove(t, 2), table.concat(t))
print(table.remove(t, 1), table.concat(t))
print(table.remove(t, #t), table.concat(t))
table.insert(t, 2, "X")
print(table.concat(t))
while #t > 0 do io.write(table.remove(t, 1)) end print()
print(#t, table.remove(t))
local q = {}
for i = 1, 10 do table.insert(q, 1, i) end
print(table.concat(q, " "))
