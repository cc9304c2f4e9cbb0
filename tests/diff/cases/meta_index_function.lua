local calls = 0
local t = setmetatable({}, {__index = function(tbl, key)
  calls = calls + 1
  return key .. "!"
end})
print(t.foo, t[1], t.bar)
print(calls)
t.foo = "set"
print(t.foo, calls)
local default = setmetatable({}, {__index = function() return 0 end})
default.a = default.a + 5
print(default.a, default.b)
local self_ref
self_ref = setmetatable({}, {__index = function(tb, k) return tb == self_ref end})
print(self_ref.anything)
