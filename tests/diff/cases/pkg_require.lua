print(require("string") == string, require("table") == table, require("math") == math)
print(package.loaded.string == string, package.loaded._G == _G, package.loaded.coroutine == coroutine)
print(type(package.path), type(package.cpath), type(package.loaders), type(package.preload))
package.preload.mymod = function(name) return {name = name, value = 42} end
local m = require("mymod")
print(m.name, m.value, require("mymod") == m, package.loaded.mymod == m)
package.loaded.fake = "already loaded"
print(require("fake"))
package.preload.returns_nil = function() end
print(require("returns_nil"), package.loaded.returns_nil)
local ok, err = pcall(require, "definitely_missing_module_xyz")
print(ok, (err:match("^[^\n]*")))
print(pcall(require))
