local smt = getmetatable("")
print(type(smt), smt.__index == string)
string.shout = function(s) return s:upper() .. "!" end
print(("hey"):shout())
print(("abc"):len(), #"abc")
local s = "x"
print(s.len == string.len, s.nothing)
print(pcall(function() return ("a").nofunc() end))
print(pcall(function() local n = 5; return n:foo() end))
