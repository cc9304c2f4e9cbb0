print(table.concat({1, 2, 3}), table.concat({1, 2, 3}, ", "), table.concat({}, "x"))
print(table.concat({"a", "b", "c"}, "-", 2), table.concat({"a", "b", "c"}, "-", 2, 3))
print(table.concat({"a", "b", "c"}, "-", 3, 2) == "", table.concat({"a"}, "-", 1, 1))
print(table.concat({1.5, 2, "x"}, " "))
print(pcall(table.concat, {1, {}, 3}))
print(pcall(table.concat, {1, nil, 3}, ",", 1, 3))
print(pcall(table.concat, {true}))
print(pcall(table.concat))
print(pcall(table.concat, {}, {}))
print(pcall(table.concat, {"a", "b"}, ",", 1, 5))
print(table.concat({"a", "b"}, 3))
local big = {}
for i = 1, 1000 do big[i] = i % 10 end
print(#table.concat(big), #table.concat(big, ", "))
