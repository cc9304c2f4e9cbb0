local s = [=====[contains ]====] and ]] and ]=] inside]=====]
print(s)
print([==========[
ten]==========])
--[=====[ comment with ]] and ]====] inside ]=====] print("after")
local n = [[
]]
print(#n)
print(#[[

]])
