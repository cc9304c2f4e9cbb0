-- _G, library metatables and lazy library fields behave as in lua5.1 (FL_ROM builds keep the
-- base functions and libraries in read-only tables: docs/ram-at-rest.md)
local mt = {__index = function(t, k) return "dyn:" .. k end}
print(pcall(setmetatable, string, mt) and getmetatable(string) == mt)
print(getmetatable(string) == mt, string.nothing, string.rep("a", 2))
setmetatable(string, nil) print(getmetatable(string), string.nothing)
setmetatable(math, {__newindex = function(t, k, v) rawset(t, k, v * 2) end})
math.twice = 21 math.pi = 3 print(math.twice, math.pi) setmetatable(math, nil)
math.twice = nil math.pi = nil print(math.pi, math.twice)
local m2 = getmetatable("")
m2.__index = function(s, k) return k end
print(("x").foo)
m2.__index = string
print(("x"):upper())
local eq = {__eq = function() return true end}
setmetatable(table, eq) setmetatable(os, eq) print(table == os, rawequal(table, os))
setmetatable(table, nil) setmetatable(os, nil) print(table == os)
-- globals read through a library table as environment see its patches
local function f() return upper, rep end
setfenv(f, string)
local oldupper = string.upper
string.upper = function() return "patched" end
print(f()(), select(2, f())("b", 2))
string.upper = oldupper
-- _G itself
print(_G._G == _G, rawget(_G, "print") == print, getfenv(1) == _G, getfenv(0) == _G)
local oldprint = print
_G.print = nil
oldprint(print, rawget(_G, "print"))
print = oldprint
print(rawget(_G, "print") == oldprint)
rawset(_G, "print", nil) oldprint(print) rawset(_G, "print", oldprint)
local keys = {}
for k in pairs(_G) do if k ~= "node" then keys[#keys + 1] = k end end
table.sort(keys) print(table.concat(keys, " "))
local n = 0 for k, v in pairs(_G) do n = n + 1 assert(_G[k] == v and rawget(_G, k) == v) end
print(next({}), type(next(_G)))
-- deleting every global while traversing, then restoring (print needs tostring: io.write)
local saved, G, next, pairs, rawset, w, type, ts = {}, _G, next, pairs, rawset, io.write, type, tostring
for k, v in pairs(G) do saved[k] = v end
for k in pairs(G) do G[k] = nil end
w(ts(next(G)), " ", type(tostring), " ", type(string), " ", type(_G), "\n")
for k, v in pairs(saved) do rawset(G, k, v) end
print(type(tostring), string.format("%d", 7))
-- a __newindex on _G sees only new keys
setmetatable(_G, {__newindex = function(t, k, v) oldprint("newindex", k) rawset(t, k, v) end,
                  __index = function(t, k) return "missing " .. k end})
tostring = tostring
type = type
newglobal = 1
print(rawget(_G, "tostring") == tostring, undefinedglobal)
setmetatable(_G, nil)
-- io and package fields made on first use
print(io.type(io.stdout), io.type(42), io.output() == io.stdout, tostring(io.stdout):match("^file %(") ~= nil)
print(io.stdout:close())
local pk = {} for k in pairs(package) do pk[#pk + 1] = k end table.sort(pk) print(table.concat(pk, " "))
print(type(package.path), type(package.loaders[1]), package.loaded.string == string, package.loaded._G == _G)
local io2 = {} for k in pairs(io) do io2[#io2 + 1] = k end table.sort(io2) print(table.concat(io2, " "))
-- coroutines and setfenv with the globals
local co = coroutine.wrap(function() return print == oldprint, getfenv(0) == _G end)
print(co())
local env = setmetatable({}, {__index = _G})
local g = setfenv(function() return tostring(12), x end, env)
env.x = "envx" print(g())
