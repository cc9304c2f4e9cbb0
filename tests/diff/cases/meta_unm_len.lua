local mt = {__unm = function(a) return "neg " .. a.v end, __len = function(a) return 99 end}
local t = setmetatable({v = 5, 1, 2}, mt)
print(-t)
print(#t)   -- __len is not used for tables in 5.1
local p = newproxy(true)
getmetatable(p).__len = function(u) return 42 end
print(#p)
local q = newproxy(true)
print(pcall(function() return #q end))
