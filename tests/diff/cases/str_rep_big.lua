local s = string.rep("abc", 10000)
print(#s, s:sub(-6), select(2, s:gsub("abc", "")))
local t = string.rep("a", 5) .. string.rep("b", 3)
print(t, t:rep(2))
