g1 = 1
print(g1, _G.g1, _G["g1"])
_G.g2 = "two"
print(g2)
g1 = nil
print(g1, rawget(_G, "g1"))
local name = "dyn"
_G[name .. "amic"] = 42
print(dynamic)
print(undefined_global)
print(_G._G == _G, _G == getfenv())
