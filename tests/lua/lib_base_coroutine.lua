-- the coroutine library
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c, d = coroutine.yield(a + b)
  print("got", c, d)
  local e = coroutine.yield(c * d)
  print("got", e)
  return "done", e
end)
print(coroutine.status(co))
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 3, 4))
print(coroutine.resume(co, 5))
print(coroutine.status(co))
print(coroutine.resume(co))
print(coroutine.resume(co, 1))

-- errors inside coroutines
local bad = coroutine.create(function() local x = {} ; return x.a.b end)
print(coroutine.resume(bad))
print(coroutine.status(bad))
print(coroutine.resume(bad))
local bad2 = coroutine.create(function() error({msg = "table error"}) end)
local ok, e = coroutine.resume(bad2)
print(ok, type(e), e.msg)
local bad3 = coroutine.create(function() error("lvl0", 0) end)
print(coroutine.resume(bad3))

-- status values, running
local outer
outer = coroutine.create(function()
  print("outer running:", coroutine.status(outer), coroutine.running() == outer)
  local inner = coroutine.create(function()
    print("outer seen from inner:", coroutine.status(outer))
    print("resume outer from inner:", coroutine.resume(outer))
    coroutine.yield()
  end)
  print(coroutine.resume(inner))
  print("inner:", coroutine.status(inner))
  print("resume self:", coroutine.resume(outer))
end)
print(coroutine.resume(outer))
print(coroutine.running())

-- wrap
local gen = coroutine.wrap(function(n)
  for i = 1, n do coroutine.yield(i, i * i) end
  return "end"
end)
print(gen(3)) print(gen()) print(gen()) print(gen())
print(pcall(gen))
local function call_gen() return gen() end
print(pcall(call_gen))
local werr = coroutine.wrap(function() error("wrapped error") end)
print(pcall(werr))
local werr2 = coroutine.wrap(function() error("wrapped error") end)
print(pcall(function() return werr2() end))
local werr3 = coroutine.wrap(function() error({}) end)
print(select('#', pcall(werr3)), type(select(2, pcall(coroutine.wrap(function() error({}) end)))))
local werr4 = coroutine.wrap(function() error("no position", 0) end)
print(pcall(function() local r = werr4(); return r end))

-- yield across pcall is not allowed in 5.1
local y = coroutine.create(function() return pcall(coroutine.yield, 1) end)
print(coroutine.resume(y))
print(coroutine.resume(y))
print(pcall(coroutine.yield))

-- many values
local many = coroutine.wrap(function(...) local n = select('#', ...); coroutine.yield(n, ...); return select('#', coroutine.yield()) end)
print(many(1, nil, 3, nil))
print(many())
print(many(nil, nil, nil))

-- producer / consumer
local function producer()
  return coroutine.create(function()
    for _, w in ipairs({"alpha", "beta", "gamma"}) do coroutine.yield(w) end
  end)
end
local p = producer()
while true do
  local ok, v = coroutine.resume(p)
  if not v then break end
  io.write(v, " ")
end
print(coroutine.status(p))

-- create needs a Lua function
print(pcall(coroutine.create, print))
print(pcall(coroutine.create, nil))
print(pcall(coroutine.wrap))
