local s = string.rep("x", -1)
print(#s)
print(string.format("%d", "not a number"))
