-- too many captures and deep patterns
local p = string.rep("(a)", 32)
print(pcall(string.match, string.rep("a", 32), p))
local p2 = string.rep("(a)", 33)
print(pcall(string.match, string.rep("a", 33), p2))
print(pcall(string.find, string.rep("a", 10), string.rep("a?", 10) .. "b"))
print(pcall(string.rep))
local long = string.rep("x", 100000)
print(#long:gsub("x", "yy"), long:find("y"), #long:match("x*"))
