local co
co = coroutine.create(function()
  print("inside:", coroutine.status(co))
  print("running is co:", coroutine.running() == co)
  coroutine.yield()
end)
print(coroutine.status(co))
coroutine.resume(co)
print(coroutine.status(co))
coroutine.resume(co)
print(coroutine.status(co))
print(coroutine.running())
-- normal status: a coroutine that resumed another
local outer
local inner = coroutine.create(function() print("outer is", coroutine.status(outer)) end)
outer = coroutine.create(function() coroutine.resume(inner) end)
coroutine.resume(outer)
print(pcall(coroutine.status))
print(pcall(coroutine.status, {}))
