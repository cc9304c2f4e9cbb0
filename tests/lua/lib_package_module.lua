-- module(), package.seeall, _NAME/_M/_PACKAGE, dotted names
local function show(...)
  local t = {}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    if type(v) == "string" then v = string.format("%q", v) end
    if type(v) == "function" or type(v) == "table" then v = type(v) end
    t[i] = tostring(v)
  end
  print(select('#', ...), table.concat(t, " | "))
end

-- a plain module: its functions live in the module table, not in _G
local chunk = loadstring([[
  local print, tostring = print, tostring
  module("plain")
  function hello() return "hello from " .. _NAME end
  value = 10
  print("inside", _NAME, _PACKAGE, _M == plain, tostring(print ~= nil))
]])
chunk()
show(plain.hello(), plain.value, plain._NAME, plain._PACKAGE, plain._M == plain)
show(hello, value, package.loaded.plain == plain)
show(getfenv(chunk) == plain)

-- seeall gives access to globals
loadstring([[
  module("seeing", package.seeall)
  function f() return type(print), string.format("%d", 5) end
]])()
show(seeing.f())
show(getmetatable(seeing).__index == _G)

-- dotted names create nested tables
loadstring([[module("a.b.c", package.seeall) function where() return _NAME, _PACKAGE end]])()
show(type(a), type(a.b), type(a.b.c), a.b.c.where())
show(package.loaded["a.b.c"] == a.b.c, package.loaded["a.b"], package.loaded.a)
loadstring([[module("a.b", package.seeall) x = 1]])()
show(a.b.x, a.b._NAME, a.b._PACKAGE, a.b.c ~= nil)
loadstring([[module("trailing.", package.seeall)]])()
show(type(trailing), package.loaded["trailing."] ~= nil, package.loaded["trailing."]._PACKAGE)

-- reopening an existing module keeps its table and fields
loadstring([[module("plain") extra = true]])()
show(plain.extra, plain.value, plain._NAME)

-- an existing global table becomes the module
existing = { pre = 1 }
loadstring([[module("existing") post = 2]])()
show(existing.pre, existing.post, existing._NAME)
-- a table with a _NAME is not reinitialised
named = { _NAME = "custom" }
loadstring([[module("named")]])()
show(named._NAME, named._M, named._PACKAGE)

-- options are called with the module table
local seen
loadstring([[module("opts", ...)]])(function(m) seen = m end, function(m) m.tag = "tagged" end)
show(seen == opts, opts.tag)
show(pcall(loadstring([[module("badopt", 1)]])))

-- errors
conflict = 1
show(pcall(loadstring([[module("conflict")]])))
conflict2 = { sub = "str" }
show(pcall(loadstring([[module("conflict2.sub.x")]])))
show(pcall(module, "fromC"))
show(pcall(loadstring([[module()]])))
show(pcall(loadstring([[module({})]])))
show(pcall(package.seeall))
show(pcall(package.seeall, 1))
local mt = {}
local tt = setmetatable({}, mt)
package.seeall(tt)
show(getmetatable(tt) == mt, mt.__index == _G)

-- module + require together
package.preload["req.mod"] = function(...)
  local name = ...
  loadstring("module(...) answer = 42")(name)
end
local r = require("req.mod")
show(r == req.mod, r.answer, r._NAME, r._PACKAGE)
print("done")
