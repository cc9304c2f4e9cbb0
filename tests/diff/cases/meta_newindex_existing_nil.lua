-- __newindex fires only for absent keys (nil values count as absent)
local calls = {}
local t = setmetatable({a = 1}, {__newindex = function(tb, k, v) calls[#calls + 1] = k rawset(tb, k, v) end})
t.a = 2
t.a = nil
t.a = 3
t.b = 1
t.b = 2
print(table.concat(calls, ","), t.a, t.b)
