local function f(...)
  local a, b = ...
  local t = {...}
  local u = {..., "end"}
  local v = {"start", ...}
  return a, b, #t, #u, #v, select("#", ...), (...)
end
print(f())
print(f(1))
print(f(1, 2, 3))
local function g(...) return ..., ... end
print(g(1, 2))
local function h(...) local x = ... return x end
print(h(7, 8))
local function k(...) return #{...}, select("#", ...) end
print(k(nil, nil, 1))
print(pcall(function(...) return ... end, "a", "b"))
local function m(...) return math.max(...) end
print(m(3, 9, 4))
