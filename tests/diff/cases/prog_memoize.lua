local function memoize(f)
  local cache = setmetatable({}, {__mode = "k"})
  local calls = 0
  return function(n)
    local v = cache[n]
    if v == nil then calls = calls + 1 v = f(n) cache[n] = v end
    return v
  end, function() return calls end
end
local fib
local calls
fib, calls = memoize(function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end)
print(fib(80), calls())
print(fib(80), calls())
