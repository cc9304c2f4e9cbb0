local co = coroutine.create(function(...)
  print("args", select("#", ...), ...)
  local r = {coroutine.yield()}
  print("resumed with", #r, unpack(r))
  r = {coroutine.yield(nil, nil)}
  print("resumed with", #r)
  return ...
end)
print(coroutine.resume(co, 1, nil, 3))
print(coroutine.resume(co, "a", "b", "c"))
print(coroutine.resume(co))
print(coroutine.resume(co))
-- many values through yield
local many = coroutine.wrap(function() coroutine.yield(unpack({1, 2, 3, 4, 5, 6, 7, 8, 9, 10})) end)
print(select("#", many()))
