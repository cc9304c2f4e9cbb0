-- the loop variables are local copies; the hidden state is not affected
local t = {}
for i = 1, 5 do
  t[#t + 1] = i
  i = 100
end
print(table.concat(t, ","))
local keys = {}
for k, v in ipairs({"a", "b", "c"}) do
  k = k * 10
  keys[#keys + 1] = k .. v
end
print(table.concat(keys, ","))
-- limit and step are evaluated once
local lim = 3
local n = 0
for i = 1, lim do lim = 10 n = n + 1 end
print(n, lim)
local step = 1
for i = 1, 5, step do step = 10 io.write(i, " ") end print()
