print(tostring(1):len(), tostring(true):len(), tostring(nil):len())
local function kind(v) return (tostring(v):match("^(%a+)")) end
print(kind({}), kind(print), kind(function() end), kind(coroutine.create(function() end)), kind(newproxy()))
print(tostring(print) == tostring(print), tostring({}) ~= tostring({}))
local t = {}
print(tostring(t) == tostring(t))
print(tostring("already string") == "already string")
print(tostring(-0.0 + 0), tostring(1e308 * 10), tostring(-1e308 * 10))
