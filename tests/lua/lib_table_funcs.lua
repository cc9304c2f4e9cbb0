-- the table library
local function show(t, n) local r = {} for i = 1, (n or #t) do r[i] = tostring(t[i]) end return "{" .. table.concat(r, ",") .. "}" end
local t = {}
table.insert(t, "a") table.insert(t, "b") table.insert(t, 1, "c") table.insert(t, 2, "d")
print(show(t))
table.insert(t, 10, "far")
print(show(t, 10), #t == 4 or #t == 10)
t = {1, 2, 3}
table.insert(t, 4, 4) print(show(t))
print(pcall(table.insert, t))
print(pcall(table.insert, t, 1, 2, 3))
print(pcall(table.insert, nil, 1))
print(pcall(table.insert, t, "x", 1))
print(pcall(function() table.insert(t, {}, 1) end))
print(pcall(function() table.insert() end))
t = {1, 2, 3, 4, 5}
print(table.remove(t), show(t))
print(table.remove(t, 1), show(t))
print(table.remove(t, 2), show(t))
print(table.remove(t, 10), show(t))
print(table.remove(t, 0), show(t))
print(select('#', table.remove({})), select('#', table.remove({}, 1)))
print(pcall(table.remove))
print(pcall(table.remove, {}, "x"))
-- concat
print(table.concat({}), table.concat({1, 2, 3}), table.concat({1, 2, 3}, ", "), table.concat({"a", "b", "c"}, "-", 2), table.concat({"a", "b", "c"}, "-", 2, 3))
print(table.concat({"a", "b"}, "-", 3), table.concat({"a", "b"}, "-", 3, 2), table.concat({1.5, "x", 2}, ""))
print(pcall(table.concat, {1, {}, 3}))
print(pcall(table.concat, {1, 2}, ",", 1, 3))
print(pcall(table.concat, {true}))
print(pcall(table.concat, {1}, {}))
print(pcall(table.concat, "x"))
print(pcall(function() return table.concat({print}) end))
local big = {} for i = 1, 3000 do big[i] = string.rep("x", i % 7) .. i end
local s = table.concat(big, ";")
print(#s, s:sub(1, 40), s:sub(-30))
-- getn / maxn / setn / foreach / foreachi
print(table.getn({1, 2, 3}), table.getn({}), pcall(table.getn))
print(table.maxn({}), table.maxn({1, 2, 3}), table.maxn({[1.5] = 1, [-3] = 2}), table.maxn({[100] = 1, 2}), table.maxn({x = 1}))
print(pcall(table.setn, {}, 1))
print(pcall(table.setn, 1))
table.foreachi({"x", "y", "z"}, function(i, v) print("fi", i, v) end)
print(table.foreachi({"x", "y", "z"}, function(i, v) if v == "y" then return i * 10 end end))
local cnt = 0
table.foreach({a = 1, b = 2, c = 3}, function(k, v) cnt = cnt + v end)
print(cnt, table.foreach({5}, function(k, v) return k, v end))
print(pcall(table.foreach, {}, "f"))
print(pcall(table.foreachi, nil, print))
