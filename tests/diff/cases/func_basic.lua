local function add(a, b) return a + b end
print(add(1, 2), add(1, 2, 3))
print(pcall(add, 1))
local function noargs() return "none" end
print(noargs(1, 2, 3))
local f = function(x) return x * 2 end
print(f(21))
function globalfn(a) return a end
print(globalfn("g"))
local t = {}
function t.field(a) return "field " .. a end
print(t.field("x"))
t.sub = {}
function t.sub.deep(a) return "deep " .. a end
print(t.sub.deep("y"))
local function rec(n) if n == 0 then return 0 end return n + rec(n - 1) end
print(rec(100))
print((function(...) return select("#", ...) end)(nil, nil))
