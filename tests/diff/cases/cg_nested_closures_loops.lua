local result = {}
for i = 1, 3 do
  for j = 1, 3 do
    local k = i * j
    result[#result + 1] = function() return i .. "x" .. j .. "=" .. k end
    if j == 2 then break end
  end
end
local s = {}
for _, f in ipairs(result) do s[#s + 1] = f() end
print(table.concat(s, " "))
local function mk()
  local fs = {}
  local n = 0
  while true do
    n = n + 1
    local captured = n
    fs[n] = function() captured = captured + 100 return captured end
    if n == 3 then return fs end
  end
end
local fs = mk()
print(fs[1](), fs[2](), fs[1](), fs[3]())
local acc = {}
for k, v in pairs({10, 20, 30}) do
  acc[k] = function(d) v = v + d return v end
end
print(acc[1](1), acc[1](1), acc[2](5), acc[3](0))
