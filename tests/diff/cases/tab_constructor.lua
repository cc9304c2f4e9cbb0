local t = {1, 2, 3; 4, 5}
print(#t, t[1], t[5])
local h = {a = 1, b = 2, ["c d"] = 3, [10] = "ten", [1.5] = "float"}
print(h.a, h.b, h["c d"], h[10], h[1.5])
local mix = {"x", k = "v", "y", [3] = "ignored?", "z"}
print(mix[1], mix[2], mix[3], mix.k)
local trailing = {1, 2, 3,}
print(#trailing)
local semi = {1; 2; k = 3;}
print(#semi, semi.k)
local function multi() return "a", "b", "c" end
local exp = {multi()}
print(#exp, exp[3])
local exp2 = {multi(), multi()}
print(#exp2, exp2[1], exp2[2], exp2[4])
local exp3 = {multi(), 10}
print(#exp3)
local exp4 = {(multi())}
print(#exp4)
local nested = {{1, {2, {3}}}}
print(nested[1][2][2][1])
local empty = {}
print(#empty, next(empty))
local expr = {[1 + 1] = "two", ["a" .. "b"] = "ab"}
print(expr[2], expr.ab)
