local a = "outer"
local a = a .. "+shadow"
print(a)
local f = function() return type(f) end
print(f())
local function g() return type(g) end
print(g())
local x, y = 1
local x, y = y, x
print(x, y)
do
  local print = function(...) _G.print("wrapped:", ...) end
  print("hi")
end
print("unwrapped")
local t = {}
local i = 1
i, t[i] = i + 1, "set"
print(i, t[1], t[2])
local function shadowparam(x, x2) local x = x2 return x end
print(shadowparam(1, 2))
for i = 1, 2 do local i = i * 10 io.write(i, " ") end print()
local z = 10
local function readz() return z end
local z = 20
print(readz(), z)
