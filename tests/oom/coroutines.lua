-- coroutines, pcall and errors under memory pressure
local co = coroutine.wrap(function(a)
  for i = 1, 20 do a = a + coroutine.yield(a * 2) end
  return a
end)
local v = co(1)
for i = 1, 20 do v = co(i) end
print(v)
print((pcall(error, {code = 1})))
print(select(2, pcall(error, "boom")))
local ok, msg = pcall(function() local x = nil; return x.y end)
print(ok, msg)
collectgarbage()
print(string.format("%5.2f|%-5s|%q", 3.14159, "ab", "a\nb"))
