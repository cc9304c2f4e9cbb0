local function add(a, b) return a + b end
local d = string.dump(add)
print(type(d), d:sub(1, 4) == "\27Lua", d:byte(5))
local add2 = loadstring(d)
print(add2(2, 3))
local function withup() return add end
print(pcall(string.dump, print))
local f = loadstring(string.dump(function(...) local t = {...} return #t, ... end))
print(f("a", "b"))
local src = "local x = 10 return function(y) return x + (y or 0) end"
local mk = loadstring(string.dump(loadstring(src)))
print(mk()(5))
-- a dumped chunk can be loaded by load too
local n = 0
local bin = string.dump(function() return "via load" end)
print(load(function() n = n + 1 if n == 1 then return bin end end)())
-- a truncated binary chunk is an error
print(select("#", loadstring(bin:sub(1, 20))), (loadstring(bin:sub(1, 20))))
