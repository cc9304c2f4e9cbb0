local total = 0
for i = 1, 2000 do
  local co = coroutine.create(function(a) local b = coroutine.yield(a + 1) return b * 2 end)
  local _, x = coroutine.resume(co, i)
  local _, y = coroutine.resume(co, x)
  total = total + y
  if i % 200 == 0 then collectgarbage() end
end
print(total)
