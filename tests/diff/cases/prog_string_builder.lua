local buf = {}
for i = 1, 100 do buf[#buf + 1] = string.format("%03d", i) end
local s = table.concat(buf, ",")
print(#s, s:sub(1, 23), s:sub(-11))
local acc = ""
for i = 1, 50 do acc = acc .. string.char(65 + i % 26) end
print(acc)
local lines = {}
for line in ("a\nbb\n\nccc\n"):gmatch("([^\n]*)\n") do lines[#lines + 1] = "[" .. line .. "]" end
print(table.concat(lines))
print(string.rep("%s=%d;", 3):format("a", 1, "b", 2, "c", 3))
