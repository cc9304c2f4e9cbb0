local obj = {name = "obj", n = 0}
function obj:get() return self.name end
function obj:inc(k) self.n = self.n + (k or 1) return self end
print(obj:get(), obj.get(obj), obj.get({name = "other"}))
obj:inc():inc(5):inc()
print(obj.n)
local s = "hello"
print(s:upper(), s:sub(2, 3), ("x"):rep(3), s:len())
print(("%d-%d"):format(1, 2))
local a = {b = {c = {}}}
function a.b.c:m(x) return self == a.b.c, x end
print(a.b.c:m(7))
local key = "get"
print(obj[key](obj))
print(pcall(function() return obj:missing() end))
print(pcall(function() local o = nil; return o:x() end))
