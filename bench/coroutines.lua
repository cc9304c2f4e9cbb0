-- coroutine resume/yield switches and coroutine.wrap generators
local N = tonumber(arg and arg[1]) or 1000000
local co = coroutine.create(function(a)
  local s = 0
  while true do s = s + a a = coroutine.yield(s) end
end)
local last
for i = 1, N do local _, v = coroutine.resume(co, i) last = v end
local function gen(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
local s = 0
for rep = 1, 20 do for v in gen(N / 40) do s = s + v end end
print(last, s)
