-- coroutines share globals; getfenv inside a coroutine
local co = coroutine.create(function()
  shared_global = "set in co"
  coroutine.yield(getfenv(1) == _G)
  return shared_global
end)
print(coroutine.resume(co))
shared_global = "changed by main"
print(coroutine.resume(co))
local f = function() return envvar end
setfenv(f, {envvar = "fn env"})
print(coroutine.wrap(f)())
