local function gen(tag, n)
  return coroutine.create(function()
    for i = 1, n do coroutine.yield(tag .. i) end
    return tag .. "done"
  end)
end
local outer = coroutine.create(function()
  local inner = gen("in", 2)
  while true do
    local ok, v = coroutine.resume(inner)
    if coroutine.status(inner) == "dead" then coroutine.yield("inner finished: " .. v) break end
    coroutine.yield("outer got " .. v)
  end
  return "outer done"
end)
while true do
  local ok, v = coroutine.resume(outer)
  print(ok, v)
  if coroutine.status(outer) == "dead" then break end
end
-- deep nesting of coroutines
local function nest(d)
  if d == 0 then return coroutine.yield("bottom") end
  local co = coroutine.create(nest)
  local ok, v = coroutine.resume(co, d - 1)
  return v .. "<" .. d
end
local top = coroutine.create(nest)
print(coroutine.resume(top, 50))
