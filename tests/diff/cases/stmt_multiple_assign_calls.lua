local log = {}
local function f(tag, v) log[#log + 1] = tag return v end
local a, b, c = f("a", 1), f("b", 2), f("c", 3)
print(a, b, c, table.concat(log))
log = {}
local t = {}
t[f("k1", 1)], t[f("k2", 2)] = f("v1", "x"), f("v2", "y")
print(t[1], t[2], table.concat(log, ","))
log = {}
local x, y = f("only", 1)
print(x, y, table.concat(log))
log = {}
local p, q = f("p", 1), f("q", 2), f("extra", 3)
print(p, q, table.concat(log, ","))
