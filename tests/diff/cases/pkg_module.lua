package.preload["my.mod"] = function(...)
  module(..., package.seeall)
  function hello() return "hello from " .. _NAME end
  value = 10
end
require("my.mod")
print(my.mod.hello(), my.mod.value, my.mod._NAME, my.mod._PACKAGE, my.mod._M == my.mod)
print(package.loaded["my.mod"] == my.mod)
