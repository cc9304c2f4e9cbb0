local function f(a, b)
  local info = debug.getinfo(1, "Sln")
  return info.currentline, info.short_src, info.what, info.linedefined, info.lastlinedefined, info.source
end
print(f())
local i2 = debug.getinfo(print)
print(i2.what, i2.short_src, i2.source, i2.currentline, i2.linedefined)
local function named() return debug.getinfo(1, "n") end
local n = named()
print(n.name, n.namewhat)
local main = debug.getinfo(1, "S")
print(main.what, main.short_src)
local function nups() local x = f return function() return x, n end end
print(debug.getinfo(nups(), "u").nups, debug.getinfo(f, "u").nups)
print(debug.getinfo(100))
local t = debug.getinfo(1, "f")
print(type(t.func))
