local function none() end
local function one() return 1 end
local function three() return 1, 2, 3 end
print(three(), three())
print((three()))
print(three(), 10)
print(#{three(), three()}, #{three(), none()}, select("#", none(), three()))
local a, b, c, d = three()
print(a, b, c, d)
local e, f = none()
print(e, f)
local t = {three(), x = three(), three()}
print(t[1], t[2], t[4], t.x)
print(select("#", none()), select("#", none(), none()), select("#", (none())))
print(math.max(three()), string.char(three() + 64, 66))
local function pass(...) return ... end
print(pass(three()), pass(none()), pass(one()))
print(string.format("%d %d %d", three()))
local u = {}
u.a, u.b = three()
print(u.a, u.b)
