-- string constants with every byte survive compile/dump/load
local all = {}
for i = 0, 255 do all[#all + 1] = string.format("\\%d", i) end
local src = 'return "' .. table.concat(all) .. '"'
local s = assert(loadstring(src))()
print(#s)
local ok = true
for i = 0, 255 do if s:byte(i + 1) ~= i then ok = false end end
print(ok)
local dumped = loadstring(string.dump(loadstring(src)))()
print(dumped == s)
print(#"\\", #"\"", #'\'', #"\n", #"\065\066", "\x")
