-- package: require, package.loaders (preload, Lua path, C path, all-in-one), errors
local tmp = os.tmpname()
local function clean(s) return (s:gsub(tmp, "TMP")) end
local function show(...)
  local t = {}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    if type(v) == "string" then v = string.format("%q", clean(v)) end
    if type(v) == "function" or type(v) == "table" or type(v) == "userdata" then v = type(v) end
    t[i] = tostring(v)
  end
  print(select('#', ...), table.concat(t, " | "))
end
local function write(name, text)
  local f = assert(io.open(name, "w"))
  f:write(text)
  f:close()
end

local names = {}
for k, v in pairs(package) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(table.concat(names, " "))
show(#package.loaders, package.config)
show(package.loaded == debug.getregistry()._LOADED, package.loaded._G == _G)
show(package.loaded.string == string, package.loaded.package == package)
show(type(require), type(module), loadlib)
show(package.path == (os.getenv("LUA_PATH") or package.path))

-- preload
package.preload.pre = function(...)
  show("loading pre", ...)
  return { name = "pre" }
end
local m = require("pre")
show(m.name, package.loaded.pre == m, require("pre") == m)
package.preload.none = function() end
show(require("none"), package.loaded.none)
package.preload.self = function(name) package.loaded[name] = "set by module" end
show(require("self"))
package.preload.both = function(name) package.loaded[name] = "set"; return "returned" end
show(require("both"))
package.preload.falsy = function() return false end
show(require("falsy"), package.loaded.falsy)
show(require("falsy"))
package.preload.err = function() error("module failed") end
show(pcall(require, "err"))
show(pcall(require, "err"))
package.loaded.err = nil
show(pcall(require, "err"))
package.preload.loop = function() return require("loop") end
show(pcall(require, "loop"))
package.preload.num = 42  -- not a function: its string form ends up in the message
package.path = ""
package.cpath = ""
show(pcall(require, "num"))
show(pcall(require, 12))
show(pcall(require))
show(pcall(require, {}))
show(require("string") == string)

-- Lua files along package.path
package.path = tmp .. "_?.lua;" .. tmp .. "_?/init.lua"
write(tmp .. "_mod1.lua", "local name = ...\nreturn { name = name, kind = 'lua file' }\n")
m = require("mod1")
show(m.name, m.kind)
write(tmp .. "_syntax.lua", "return {{\n")
show(pcall(require, "syntax"))
write(tmp .. "_runtime.lua", "local x = nil\nreturn x.field\n")
show(pcall(require, "runtime"))
show(pcall(require, "runtime"))
show(pcall(require, "missing"))
show(pcall(require, "dotted.name"))
package.path = ";;" .. tmp .. "_?.lua;;"
show(pcall(require, "missing2"))
package.path = 12
show(pcall(require, "missing3"))
package.path = {}
show(pcall(require, "missing4"))
package.path = tmp .. "_?.lua"

-- the searchers read the real package table, not the global name
local pkg = package
package = nil
show(require("mod1") == m)
write(tmp .. "_mod2.lua", "return 'two'")
show(require("mod2"))
package = pkg

-- C libraries along package.cpath (here: files that are not libraries)
package.cpath = tmp .. "_?.so"
write(tmp .. "_notlib.so", "this is not an ELF file")
local ok, msg = pcall(require, "notlib")
show(ok, (msg:gsub(": [^:\n]*$", ": REASON")))
ok, msg = pcall(require, "notlib.sub")
show(ok, (msg:gsub(": [^:\n]*$", ": REASON")))
show(pcall(require, "nolib.sub"))
show(pcall(require, "nolib"))
package.cpath = {}
show(pcall(require, "nolib3"))
package.cpath = ""

-- package.loadlib
show(package.loadlib("/nonexistent/lib.so", "luaopen_x"))
ok, msg = package.loadlib(tmp .. "_notlib.so", "f")
show(ok, type(msg), select(3, package.loadlib(tmp .. "_notlib.so", "f")))
show(pcall(package.loadlib))
show(pcall(package.loadlib, "x"))
show(pcall(package.loadlib, "x", {}))

-- custom searchers: a plain table, insertable anywhere (a flash store goes after preload)
table.insert(package.loaders, 2, function(name)
  if name == "virtual" then return function(n) return "virtual module " .. n end end
  return "\n\tno virtual module '" .. name .. "'"
end)
show(require("virtual"))
show(pcall(require, "absent"))
table.remove(package.loaders, 2)
table.insert(package.loaders, 1, function() return nil end)
table.insert(package.loaders, 1, function() return 12 end)
table.insert(package.loaders, 1, function() return {} end)
show(pcall(require, "absent2"))
table.insert(package.loaders, 1, function() error("searcher failed") end)
show(pcall(require, "absent3"))
local saved = package.loaders
package.loaders = nil
show(pcall(require, "absent4"))
package.loaders = saved
for i = 1, 4 do table.remove(package.loaders, 1) end
show(#package.loaders)
local savedpre = package.preload
package.preload = "x"
show(pcall(require, "absent5"))
package.preload = savedpre

-- loaded modules need no searcher
package.loaded.fake = "already here"
show(require("fake"))
package.loaded.fake = false
show(pcall(require, "fake"))

os.remove(tmp .. "_mod1.lua")
os.remove(tmp .. "_mod2.lua")
os.remove(tmp .. "_syntax.lua")
os.remove(tmp .. "_runtime.lua")
os.remove(tmp .. "_notlib.so")
os.remove(tmp)
print("done")
