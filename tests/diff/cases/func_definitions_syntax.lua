local t = {a = {b = {}}}
function t.a.b.f() return "t.a.b.f" end
function t.a.b:g() return self == t.a.b end
print(t.a.b.f(), t.a.b:g())
local function localrec(n) return n > 0 and localrec(n - 1) or "done" end
print(localrec(5))
local anon = function(...) return ... end
print(anon(1, 2))
print((function() return "iife" end)())
print(type(function() end))
local x = function() end
print(select("#", x()))
