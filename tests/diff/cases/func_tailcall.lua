local function loop(n, acc)
  if n == 0 then return acc end
  return loop(n - 1, acc + 1)
end
print(loop(1000000, 0))
local even, odd
function even(n) if n == 0 then return true end return odd(n - 1) end
function odd(n) if n == 0 then return false end return even(n - 1) end
print(even(300001), odd(300001))
local obj = {n = 0}
function obj:step(k) if k == 0 then return self.n end self.n = self.n + 1 return self:step(k - 1) end
print(obj:step(200000))
local function tv(n, ...) if n == 0 then return select("#", ...) end return tv(n - 1, ...) end
print(tv(100000, 1, 2, 3))
-- tail call to a C function
local function tc(s) return string.upper(s) end
print(tc("tail"))
-- not a tail call: (f()) truncates
local function three() return 1, 2, 3 end
local function notail() return (three()) end
print(notail())
