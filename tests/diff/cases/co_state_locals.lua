-- locals and upvalues survive across yields
local co = coroutine.wrap(function()
  local acc = 0
  local function add(n) acc = acc + n end
  for i = 1, 5 do
    add(i)
    coroutine.yield(acc)
  end
  return "final " .. acc
end)
for i = 1, 6 do io.write(tostring(co()), " ") end print()
-- yield inside nested Lua calls
local function deep(n) if n == 0 then return coroutine.yield("deep") end return deep(n - 1) end
local co2 = coroutine.create(function() return "ret " .. deep(100) end)
print(coroutine.resume(co2))
print(coroutine.resume(co2, "value"))
-- yield in a for-in iterator
local co3 = coroutine.create(function()
  for k, v in ipairs({10, 20}) do coroutine.yield(k, v) end
end)
print(coroutine.resume(co3))
print(coroutine.resume(co3))
print(coroutine.resume(co3))
print(coroutine.status(co3))
