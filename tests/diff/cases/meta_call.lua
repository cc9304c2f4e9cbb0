local callable = setmetatable({}, {__call = function(self, a, b) return "called", a, b end})
print(callable(1, 2))
print(pcall(callable, "p"))
local counter = setmetatable({n = 0}, {__call = function(self) self.n = self.n + 1 return self.n end})
counter(); counter()
print(counter())
-- __call on a callable used as method
local obj = {m = callable}
local r1, r2, r3 = obj:m("x")
print(r1, r2 == obj, r3)
-- __call result multiple values and tail call
local function tc() return callable("tail") end
print(tc())
-- __call with varargs
local va = setmetatable({}, {__call = function(self, ...) return select("#", ...) end})
print(va(), va(nil, nil))
-- __call is not used for non-function __call values chained
local notfn = setmetatable({}, {__call = 5})
print(pcall(notfn))
-- in iterator position
local it = setmetatable({i = 0}, {__call = function(self) self.i = self.i + 1 if self.i <= 3 then return self.i end end})
for v in it do io.write(v, " ") end print()
