local store = {}
local proxy = setmetatable({}, {__newindex = store})
proxy.a = 1
print(rawget(proxy, "a"), store.a)
local log = {}
local t = setmetatable({}, {__newindex = function(tbl, k, v)
  log[#log + 1] = tostring(k) .. "=" .. tostring(v)
  rawset(tbl, k, v)
end})
t.x = 1
t.x = 2   -- existing key: no metamethod
t.y = nil
t[1] = "one"
print(table.concat(log, " "), t.x, t[1])
-- __newindex chain through tables
local inner = {}
local mid = setmetatable({}, {__newindex = inner})
local outer = setmetatable({}, {__newindex = mid})
outer.k = "v"
print(rawget(outer, "k"), rawget(mid, "k"), inner.k)
-- read-only table
local ro = setmetatable({}, {__index = {a = 1}, __newindex = function(t, k) error("read-only: " .. k, 2) end})
print(ro.a, pcall(function() ro.b = 2 end))
