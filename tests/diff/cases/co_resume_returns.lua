local co = coroutine.create(function(...) return select("#", ...), ... end)
print(coroutine.resume(co))
co = coroutine.create(function(...) return select("#", ...), ... end)
print(coroutine.resume(co, nil, nil))
co = coroutine.create(function() coroutine.yield() end)
print(select("#", coroutine.resume(co)))
print(select("#", coroutine.resume(co)))
print(select("#", coroutine.resume(co)))
co = coroutine.create(function() return end)
print(select("#", coroutine.resume(co)))
local t = {}
for i = 1, 100 do t[i] = i end
co = coroutine.create(function() coroutine.yield(unpack(t)) return unpack(t, 1, 50) end)
print(select("#", coroutine.resume(co)), select("#", coroutine.resume(co)))
