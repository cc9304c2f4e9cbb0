local t = {10, 20, 30}
table.foreachi(t, function(i, v) io.write(i, "=", v, " ") end) print()
print(table.foreachi(t, function(i, v) if v == 20 then return "stop at " .. i end end))
local h = {a = 1}
table.foreach(h, function(k, v) print(k, v) end)
print(table.foreach({x = "y"}, function(k, v) return k .. v end))
print(pcall(table.foreach, {}, nil))
