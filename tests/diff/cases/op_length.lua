print(#"", #"a", #"hello", #"\0\0\0")
print(#{}, #{1}, #{1, 2, 3}, #{n = 1})
local t = {10, 20, 30}
t[#t + 1] = 40
print(#t)
t[#t] = nil
print(#t)
local s = "abc"
print(#s, s:len())
print(pcall(function() return #nil end))
print(pcall(function() return #5 end))
print(pcall(function() local x = true; return #x end))
print(#{1, 2, nil})
print(#{n = 3, 1, 2})
