local function make()
  local x = 0
  local function inc() x = x + 1 end
  local function get() return x end
  local function inner() return function() return x * 100 end end
  return inc, get, inner()
end
local inc, get, big = make()
inc(); inc(); inc()
print(get(), big())
-- upvalue of upvalue, modified after closure creation
local y = 1
local function outer() return function() return y end end
local f = outer()
y = 99
print(f())
-- parameter as upvalue
local function param(p) return function() p = p .. "!" return p end end
local pf = param("hi")
print(pf(), pf())
-- recursion through local function
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(10), fact(20))
local fib
fib = function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))
