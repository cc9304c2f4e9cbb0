local function f(a, b)
  local c = a + b
  local names = {}
  local i = 1
  while true do
    local name, value = debug.getlocal(1, i)
    if not name then break end
    names[#names + 1] = name .. "=" .. tostring(type(value) == "table" and "table" or value)
    i = i + 1
  end
  return table.concat(names, " ")
end
print(f(1, 2))
local up1, up2 = "u1", 2
local function g() return up1, up2 end
print(debug.getupvalue(g, 1))
print(debug.getupvalue(g, 2))
print(debug.getupvalue(g, 3))
debug.setupvalue(g, 1, "changed")
print(g())
print(up1)
local function h() local x = 10 debug.setlocal(1, 1, 20) return x end
print(h())
