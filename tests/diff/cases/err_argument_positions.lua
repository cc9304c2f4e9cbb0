-- bad argument numbers for methods count self as argument 1... or not
local s = "abc"
print(pcall(function() return s:rep("x") end))
print(pcall(function() return s:sub({}) end))
print(pcall(function() return string.sub(s, {}) end))
print(pcall(function() return s:byte("q") end))
print(pcall(function() return s:format() end))
print(pcall(function() return ("%d"):format("z") end))
print(pcall(function() local t = {} return t:concat() end))
local o = {f = string.rep}
print(pcall(function() return o:f() end))
print(pcall(function() return o.f() end))
