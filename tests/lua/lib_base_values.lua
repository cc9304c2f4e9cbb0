-- values and conversions of the basic library
print(type(nil), type(true), type(1), type("s"), type({}), type(print), type(coroutine.create(function() end)), type(newproxy()))
print(tostring(nil), tostring(true), tostring(false), tostring(12), tostring(-0.5), tostring(1e100), tostring(2^53), tostring(1/3))
print(tostring("str"), tostring(setmetatable({}, {__tostring = function() return "custom!" end})))
print(string.match(tostring({}), "^table: ") ~= nil, string.match(tostring(print), "^function: ") ~= nil)
print(string.match(tostring(coroutine.create(print ~= nil and function() end)), "^thread: ") ~= nil)
print(string.match(tostring(newproxy()), "^userdata: ") ~= nil)
print(tonumber("42"), tonumber(" 42 "), tonumber("0x10"), tonumber("1e3"), tonumber("  -7.5  "), tonumber("4 2"), tonumber(""), tonumber("abc"), tonumber(nil))
print(tonumber(15), tonumber("15", 10), tonumber("ff", 16), tonumber("FF", 16), tonumber("0xff", 16), tonumber("777", 8), tonumber("8", 8))
print(tonumber("zz", 36), tonumber("ZZ", 36), tonumber("101", 2), tonumber("102", 2), tonumber("  11  ", 2), tonumber("1 1", 2), tonumber("", 2))
print(tonumber("-10", 10), tonumber("10.5", 16), tonumber("7fffffff", 16), tonumber("ffffffff", 16))
print(select('#'), select('#', nil, nil), select('#x', 1, 2, 3))
print(select(1, "a", "b", "c"))
print(select(3, "a", "b", "c"))
print(select(4, "a", "b", "c"))
print(select(-1, "a", "b", "c"))
print(select(-3, "a", "b", "c"))
print(select(2.7, "a", "b", "c"))
print(unpack({1, 2, 3}))
print(unpack({1, 2, 3}, 2))
print(unpack({1, 2, 3}, 2, 5))
print(unpack({1, 2, 3}, 0, 1))
print(unpack({1, 2, 3}, 3, 1))
print(unpack({}, 1, 0))
print(select('#', unpack({n = 4}, 1, 4)))
print(rawequal("a", "a"), rawequal({}, {}), rawequal(1, 1.0), rawequal(nil, false))
local mt = {__index = function(t, k) return "meta:" .. k end, __newindex = function() error("no writes") end}
local t = setmetatable({}, mt)
print(t.x, rawget(t, "x"), rawset(t, "x", 1) == t, t.x, rawget(t, "x"))
print(getmetatable(t) == mt, getmetatable({}), getmetatable(1), getmetatable("").__index == string)
print(getmetatable(setmetatable({}, {__metatable = "protected"})))
print(getmetatable(setmetatable({}, {__metatable = false})))
print(setmetatable(t, nil) == t, getmetatable(t))
-- pairs / ipairs / next
local a = {10, 20, 30, nil, 50}
for i, v in ipairs(a) do io.write(i, "=", v, " ") end print()
local keys = {}
for k in pairs({x = 1, y = 2, z = 3}) do keys[#keys + 1] = k end
table.sort(keys) print(table.concat(keys, ","))
print(next({}), next({7}), next({7}, 1))
local f, s, c = ipairs({})
print(type(f), type(s), c)
f, s, c = pairs({})
print(type(f), type(s), c)
-- _G and _VERSION
print(_G._G == _G, _VERSION, _G.print == print)
-- getfenv / setfenv
local function envf() return x_in_env end
print(getfenv(envf) == _G, getfenv() == _G, getfenv(0) == _G, getfenv(1) == _G, getfenv(print) == _G)
setfenv(envf, {x_in_env = "from env"})
print(envf(), getfenv(envf).x_in_env)
local function lvl2() return setfenv(2, {print = print, tostring = tostring, result = "level2"}) end
local function caller() lvl2(); return result end
print(caller())
print(setfenv(envf, _G) == envf, envf())
-- load family
print(loadstring("return 1 + 1")())
print(loadstring("return ...")(1, 2, 3))
local parts = {"return ", "'pie", "ces'"}
local i = 0
print(load(function() i = i + 1; return parts[i] end)())
print(type(load(function() return nil end)))
local fn, err = load(function() return nil end, "=empty")
print(type(fn), err, fn and fn())
print(loadstring("syntax error here", "=named"))
print(pcall(loadstring("error('inner')", "=chunk")))
print(pcall(loadstring("error('inner')")))
print(pcall(loadstring("error('inner')", "@some/file.lua")))
print(pcall(loadstring("local x = 1\n\nerror('line3')", "=l")))
-- collectgarbage
print(type(collectgarbage("count")), collectgarbage("count") > 0, type(gcinfo()))
print(collectgarbage(), collectgarbage("collect"), collectgarbage("stop"), collectgarbage("restart"))
print(type(collectgarbage("step")), type(collectgarbage("step", 100)))
print(collectgarbage("setpause", 150), collectgarbage("setpause"), collectgarbage("setpause", 200))
print(collectgarbage("setstepmul", 300), collectgarbage("setstepmul", 200))
-- newproxy
local p1 = newproxy(true)
local m1 = getmetatable(p1)
m1.__index = function(_, k) return k .. "!" end
local p2 = newproxy(p1)
print(getmetatable(p2) == m1, p2.hello, getmetatable(newproxy(false)), getmetatable(newproxy()))
print(pcall(newproxy, setmetatable({}, {})))
-- print uses the global tostring
local old = tostring
tostring = function(v) return "<" .. old(v) .. ">" end
print(1, "a", nil, true)
tostring = old
print(pcall(print, 1, 2))
