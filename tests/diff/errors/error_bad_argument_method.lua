local s = "abc"
print(s:rep({}))
