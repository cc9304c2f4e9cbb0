print(string.byte("A"), string.byte("ABC", 2), string.byte("ABC", 1, 3), string.byte("ABC", -1))
print(string.byte("ABC", 10), string.byte("", 1), string.byte("ABC", 0), string.byte("ABC", 3, 1))
print(select("#", string.byte("abc", 1, -1)), select("#", string.byte("abc", 4)))
print(string.char(), string.char(65, 66, 67), #string.char(0, 0), string.char(255):byte())
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(pcall(string.char, "x"))
print(string.char("65", 66.0))
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local s = table.concat(all)
print(#s, s:byte(1), s:byte(256), s:byte(128))
print(pcall(string.byte))
