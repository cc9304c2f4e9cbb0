local s = {}
for i = 0, 255 do s[#s + 1] = string.char(i) end
s = table.concat(s)
local up, low = s:upper(), s:lower()
local diffs = 0
for i = 1, 256 do if up:byte(i) ~= s:byte(i) then diffs = diffs + 1 end end
print(diffs, up:sub(98, 123), low:sub(66, 91))
for i = 129, 256 do if up:byte(i) ~= i - 1 or low:byte(i) ~= i - 1 then print("changed", i - 1) end end
print(("MiXeD 123"):upper(), ("MiXeD 123"):lower())
