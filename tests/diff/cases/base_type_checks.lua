local vals = {nil, true, 0, "", {}, print, function() end, coroutine.create(function() end), newproxy()}
local out = {}
for i = 1, 9 do out[i] = type(vals[i]) end
print(table.concat(out, " "))
print(type(nil) == "nil", type(type) == "function")
print(pcall(type))
print(type(nil, 1, 2))
