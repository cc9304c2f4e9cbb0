-- string building: '..' in loops, multi-operand concat and table.concat
local N = tonumber(arg and arg[1]) or 60
local len = 0
for rep = 1, N do
  local s = ""
  for i = 1, 400 do s = s .. "x" end
  local parts = {}
  for i = 1, 3000 do parts[#parts + 1] = i .. ":" .. (i * 2) .. ";" end
  local joined = table.concat(parts)
  len = len + #s + #joined
end
local a, b, c = "alpha", "beta", "gamma"
local cnt = 0
for i = 1, 200000 do cnt = cnt + #(a .. b .. c .. i) end
print(len, cnt)
