-- string patterns: find, match, gmatch, gsub
local N = tonumber(arg and arg[1]) or 150
local words = {}
for i = 1, 2000 do words[i] = "word" .. (i % 97) .. " value=" .. i end
local text = table.concat(words, "\n")
local count, sum, found = 0, 0, 0
for rep = 1, N do
  for k, v in text:gmatch("(%a+%d+) value=(%d+)") do count = count + 1 sum = sum + #k end
  local out, n = text:gsub("value=(%d+)", "v%1")
  sum = sum + n + #out
  local pos = 1
  while true do
    local s, e = text:find("word5%d", pos)
    if not s then break end
    found = found + 1
    pos = e + 1
  end
  sum = sum + #(text:match("word96 value=(%d+)") or "")
end
print(count, sum, found)
