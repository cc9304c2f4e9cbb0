-- string.format with integer, float and string conversions; tostring
local N = tonumber(arg and arg[1]) or 160000
local total = 0
for i = 1, N do
  local s = string.format("%d %5.2f %s %x %g", i, i / 3, "item", i, i * 1.5)
  total = total + #s + #tostring(i * 0.25)
end
print(total)
