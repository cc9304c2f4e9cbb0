local function count(...) return select("#", ...) end
print(count(), count(nil), count(1, nil), count(nil, nil, nil))
local function pass(...) return ... end
print(pass(1, 2, 3))
print(pass())
print((pass(1, 2, 3)))
local function first(a, ...) return a, count(...) end
print(first(1, 2, 3))
local function packed(...) local t = {...} return #t, t[1], t[3] end
print(packed("a", "b", "c"))
local function sel(...) return select(2, ...) end
print(sel("a", "b", "c"))
print(select(-1, "a", "b", "c"))
print(select(-3, "a", "b", "c"))
print(pcall(select, -4, "a", "b", "c"))
print(pcall(select, 0, "a"))
print(select(5, "a", "b"))
print(select("#"))
local function mid(...) local a, b = ... return a, b end
print(mid(9), mid(9, 8, 7))
local function tailv(...) return pass(...) end
print(tailv(4, 5, nil))
print(count(pass(1, nil, nil)))
local function varnil(...) return ..., "end" end
print(varnil(1, 2))
print(({pass(1, 2, 3), pass(4, 5)})[3], #{pass(1, 2, 3), pass(4, 5)})
