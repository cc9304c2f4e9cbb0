-- debug.getinfo, getlocal/setlocal, getupvalue/setupvalue, metatables, environments
local function show(...)
  local t = {}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    if type(v) == "string" then v = string.format("%q", v) end
    if type(v) == "function" or type(v) == "table" or type(v) == "thread"
      or type(v) == "userdata" then v = type(v) end
    t[i] = tostring(v)
  end
  print(select('#', ...), table.concat(t, " | "))
end
local function dump(t)
  if type(t) ~= "table" then return show(t) end
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  local s = {}
  for _, k in ipairs(keys) do
    local v = t[k]
    if type(v) == "table" then
      local l = {}
      for line in pairs(v) do l[#l + 1] = line end
      table.sort(l)
      v = "{" .. table.concat(l, ",") .. "}"
    elseif type(v) == "function" then v = "function"
    end
    s[#s + 1] = k .. "=" .. tostring(v)
  end
  print(table.concat(s, " "))
end

local names = {}
for k in pairs(debug) do
  if k ~= "getstrings" then names[#names + 1] = k end   -- flashlua extension (flash store)
end
table.sort(names)
print(table.concat(names, " "))

-- getinfo on levels
local function lvl(n, opts) return debug.getinfo(n, opts) end
dump(debug.getinfo(1))
dump(lvl(1))
dump(lvl(2))
dump(lvl(1, "n"))
dump(lvl(0, "nS"))
dump(lvl(3, "Sl"))
show(lvl(50), lvl(-1), debug.getinfo(1000))
dump(debug.getinfo(1, ""))
dump(debug.getinfo(1, "l"))
dump(debug.getinfo(1, "u"))
dump(debug.getinfo(1, "f").func == nil)
dump(debug.getinfo(1, "L"))
dump(debug.getinfo(1, "fL"))
show(debug.getinfo(1, "f").func ~= nil)
show(pcall(debug.getinfo, 1, "x"))
show(pcall(debug.getinfo, 1, "nSx"))
show(pcall(debug.getinfo, print, ">"))
show(pcall(debug.getinfo, {}))
show(pcall(debug.getinfo))
show(pcall(debug.getinfo, "x"))
show(pcall(debug.getinfo, "1"))

-- getinfo on functions
local function f(a, b)
  local c = a + b
  return c
end
local up1, up2 = 1, 2
local function g() return up1 + up2 end
dump(debug.getinfo(f))
dump(debug.getinfo(g, "u"))
dump(debug.getinfo(g, "SLu"))
dump(debug.getinfo(print))
dump(debug.getinfo(print, "SlunfL"))
dump(debug.getinfo(string.format, "S"))
dump(debug.getinfo(loadstring("return 1"), "S"))
dump(debug.getinfo(loadstring("return 1", "=custom"), "S"))
dump(debug.getinfo(loadstring("return 1", "@file.lua"), "S"))
dump(debug.getinfo(loadstring("\n\nreturn function() end")(), "S"))
dump(debug.getinfo(loadstring(string.rep("-", 100) .. "\nreturn 1"), "S"))
dump(debug.getinfo(loadstring("x = 1\n--" .. string.rep("y", 80)), "S"))
show(debug.getinfo(f, "f").func == f)

-- names as seen by the callee
local t = {}
function t.field() return debug.getinfo(1, "n") end
function t:method() return debug.getinfo(1, "n") end
function globalfn() return debug.getinfo(1, "n") end
local function localfn() return debug.getinfo(1, "n") end
local function viaup() return localfn() end
dump(t.field())
dump(t:method())
dump(globalfn())
dump(localfn())
dump((viaup()))
dump(select(2, pcall(function() return debug.getinfo(1, "n") end)))
local function tail() return debug.getinfo(1, "nS") end
local function caller() return tail() end
dump(caller())
local function tail2() return debug.getinfo(2, "nSl") end
local function caller2() return tail2() end
dump(caller2())

-- currentline
local function cl()
  return debug.getinfo(1, "l").currentline,
         debug.getinfo(2, "l").currentline
end
show(cl())

-- a thread argument
local co = coroutine.create(function(x)
  local inco = x
  coroutine.yield(debug.getinfo(1, "l").currentline)
  return inco
end)
coroutine.resume(co, 99)
dump(debug.getinfo(co, 1, "Sl"))
dump(debug.getinfo(co, 0, "Sn"))
show(debug.getinfo(co, 2))
dump(debug.getinfo(co, f, "S"))
show(debug.getinfo(co, 1, "f").func ~= nil)
show(pcall(debug.getinfo, co))
show(pcall(debug.getinfo, co, "x"))
show(debug.getlocal(co, 1, 1))
show(debug.getlocal(co, 1, 2))
show(debug.getlocal(co, 1, 3))
show(debug.setlocal(co, 1, 2, "changed"))
show(coroutine.resume(co))
show(pcall(debug.getlocal, co, 1, 1))
show(pcall(debug.getlocal, co, 0, 1))

-- getlocal / setlocal
local function locals(a, b, ...)
  local x, y = 10, nil
  do local inner = "in" end
  local out = {}
  for i = 1, 10 do
    local n, v = debug.getlocal(1, i)
    if not n then break end
    out[#out + 1] = n .. "=" .. tostring(type(v) == "table" and "table" or v)
  end
  print(table.concat(out, " "))
  show(debug.setlocal(1, 3, "X"), debug.setlocal(1, 100, 1))
  show(x)
  return debug.getlocal(2, 1)
end
show(locals(1, 2, 3, 4))
show(pcall(debug.getlocal, 100, 1))
show(pcall(debug.getlocal, -1, 1))
show(pcall(debug.setlocal, 100, 1, 1))
show(pcall(debug.setlocal, 1, 1))
show(pcall(debug.getlocal))
show(pcall(debug.getlocal, 1))
show(pcall(debug.getlocal, "a", 1))
show(debug.getlocal(1, 0), debug.getlocal(1, -1))
do
  local k1, k2 = "v1", "v2"
  show(debug.getlocal(1, 1) ~= nil)
end
show(pcall(debug.getlocal, 0, 1))
show(pcall(debug.setlocal, 0, 1, 5))

-- upvalues
show(debug.getupvalue(g, 1))
show(debug.getupvalue(g, 2))
show(debug.getupvalue(g, 3), debug.getupvalue(g, 0), debug.getupvalue(g, -1))
show(debug.setupvalue(g, 1, 40), g(), up1)
show(debug.setupvalue(g, 3, 1))
show(debug.getupvalue(print, 1), debug.setupvalue(print, 1, 2))
show(debug.getupvalue(string.gmatch("x", "x"), 1))
show(pcall(debug.getupvalue, g))
show(pcall(debug.getupvalue, nil, 1))
show(pcall(debug.getupvalue, {}, 1))
show(pcall(debug.setupvalue, g, 1))
show(pcall(debug.setupvalue, g, 1, nil))
show(up1)

-- metatables
local tt = setmetatable({}, { __index = { a = 1 } })
show(debug.getmetatable(tt).__index.a, debug.getmetatable({}), debug.getmetatable(1))
show(debug.getmetatable("x").__index == string)
show(debug.setmetatable(tt, nil), getmetatable(tt))
show(debug.setmetatable(10, { __index = { twice = function(n) return n * 2 end } }))
show((5):twice())
show(debug.setmetatable(10, nil))
show(pcall(debug.setmetatable, {}, 1))
show(pcall(debug.setmetatable, {}))
show(pcall(debug.getmetatable))
show(debug.getmetatable(nil))
show(debug.setmetatable(print, { __index = function() return "fi" end }), print.anything)
debug.setmetatable(print, nil)

-- environments
local env = { print = print }
local function envf() return x_in_env end
show(debug.getfenv(envf) == _G, debug.getfenv(print) == _G)
show(debug.setfenv(envf, { x_in_env = "found" }) == envf, envf())
show(pcall(debug.setfenv, envf, 1))
show(pcall(debug.setfenv, 1, {}))
show(pcall(debug.setfenv, "x", {}))
show(pcall(debug.getfenv))
show(debug.getfenv(1), debug.getfenv("x"), debug.getfenv(nil))
local ud = io.tmpfile()
local udenv = debug.getfenv(ud)
show(type(udenv), debug.setfenv(ud, env) == ud, debug.getfenv(ud) == env)
debug.setfenv(ud, udenv)  -- 5.1 would crash closing a handle without __close
ud:close()
show(type(debug.getfenv(co)), debug.setfenv(co, env) == co, debug.getfenv(co) == env)

-- registry
local reg = debug.getregistry()
show(type(reg), reg == debug.getregistry(), type(reg._LOADED), reg._LOADED.string == string)
print("done")
