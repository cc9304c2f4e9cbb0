-- metatables and metamethods may be changed at any time
local mt = {}
local t = setmetatable({}, mt)
print(t.x)
mt.__index = {x = "now indexed"}
print(t.x)
mt.__index = nil
print(t.x)
mt.__index = function() return "function now" end
print(t.x)
local other = {__index = {x = "other mt"}}
setmetatable(t, other)
print(t.x)
setmetatable(t, nil)
print(t.x)
-- adding __newindex after use
local log = {}
local mt2 = {}
local u = setmetatable({}, mt2)
u.a = 1
mt2.__newindex = function(tb, k, v) log[#log + 1] = k end
u.b = 2
u.a = 3
print(rawget(u, "b"), u.a, table.concat(log, ","))
-- adding __add later
local mt3 = {}
local v = setmetatable({}, mt3)
print(pcall(function() return v + 1 end))
mt3.__add = function() return "added" end
print(v + 1)
mt3.__add = nil
print(pcall(function() return v + 1 end))
-- metatable shared by several tables
local shared = {__index = function(tb, k) return k .. "?" end}
local a, b = setmetatable({}, shared), setmetatable({}, shared)
print(a.q, b.r)
shared.__index = {q = "table now"}
print(a.q, b.r)
