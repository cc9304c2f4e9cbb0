local all = {}
for i = 0, 127 do all[#all + 1] = string.char(i) end
local s = table.concat(all)
local function class(c)
  local out = {}
  for ch in s:gmatch(c) do out[#out + 1] = ch:byte() end
  return #out, out[1], out[#out]
end
for _, c in ipairs({"%a", "%c", "%d", "%l", "%p", "%s", "%u", "%w", "%x", "%z",
                    "%A", "%C", "%D", "%L", "%P", "%S", "%U", "%W", "%X", "%Z", "."}) do
  print(c, class(c))
end
print(("%"):match("%%"), ("a.b"):match("%."), ("x-y"):match("%-"), ("a]"):match("%]"))
