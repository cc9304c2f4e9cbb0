local strs = {"b", "a", "", "ab", "a\0", "a\0b", "A", "\255", "\128", "aa", "a b", "Z", "0", "9", " "}
table.sort(strs)
local out = {}
for i, s in ipairs(strs) do out[i] = (s:gsub("%z", "\\0"):gsub("[\128-\255]", function(c) return "\\" .. c:byte() end)) end
print(table.concat(out, "|"))
print("a\0a" < "a\0b", "a\0" > "a", "" < "\0", "\0" == "\0")
