-- Lua 5.1 compatibility: a vararg function that does not use '...' gets 'arg'
function f(...)
  return arg
end
local a = f(1, nil, 3)
print(type(a), a.n, a[1], a[2], a[3])
local b = f()
print(b.n, #b)
function g(x, ...)
  return x, arg.n, arg[1]
end
print(g("x", "y", "z"))
function h(...)
  local s = select("#", ...)
  return s, arg
end
print(h(1, 2))
local function k(...) local arg = "mine" return arg end
print(k(1))
