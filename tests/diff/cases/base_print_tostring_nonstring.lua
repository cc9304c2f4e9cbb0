local saved = tostring
tostring = function() return nil end
local r1 = {pcall(print, 1)}
tostring = function() return {} end
local r2 = {pcall(print, 1)}
tostring = function() return 12 end
local r3 = {pcall(print, 1)}
tostring = saved
print(r1[1], r1[2])
print(r2[1], r2[2])
print(r3[1], r3[2])
print("done")
