local co = coroutine.create(function() error("boom") end)
print(coroutine.resume(co))
print(coroutine.status(co))
print(coroutine.resume(co))
local co2 = coroutine.create(function() error({1, 2}) end)
local ok, e = coroutine.resume(co2)
print(ok, type(e), #e)
local co3 = coroutine.create(function() error() end)
print(coroutine.resume(co3))
print(pcall(coroutine.resume))
print(pcall(coroutine.resume, 1))
print(pcall(coroutine.create))
print(pcall(coroutine.create, print))
print(pcall(coroutine.yield))
-- resume itself
local self
self = coroutine.create(function() return coroutine.resume(self) end)
print(coroutine.resume(self))
-- resume a normal coroutine
local a, b
a = coroutine.create(function() return coroutine.resume(b) end)
b = coroutine.create(function() return coroutine.resume(a) end)
print(coroutine.resume(a))
