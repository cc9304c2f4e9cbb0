local gen = coroutine.wrap(function(n)
  for i = 1, n do coroutine.yield(i) end
  return "end"
end)
print(gen(3), gen(), gen(), gen())
print(pcall(gen))
local errw = coroutine.wrap(function() error("inside wrap") end)
print(pcall(errw))
local errt = coroutine.wrap(function() error({code = 1}) end)
local ok, e = pcall(errt)
print(ok, type(e), e.code)
local errpos = coroutine.wrap(function() local x = nil; return x.y end)
print(pcall(errpos))
-- wrap as iterator
local function chars(s)
  return coroutine.wrap(function() for c in s:gmatch(".") do coroutine.yield(c) end end)
end
for c in chars("abc") do io.write(c, "-") end print()
print(pcall(coroutine.wrap))
print(pcall(coroutine.wrap, 1))
