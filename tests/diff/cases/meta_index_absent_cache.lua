-- a table used as __index that later gains fields
local proto = {}
local obj = setmetatable({}, {__index = proto})
for i = 1, 3 do io.write(tostring(obj.m), " ") end print()
proto.m = "now present"
print(obj.m)
proto.m = nil
print(obj.m)
-- metatable without __index that gains one after many misses
local mt = {}
local o = setmetatable({}, mt)
local misses = 0
for i = 1, 100 do if o.k == nil then misses = misses + 1 end end
mt.__index = {k = "found"}
print(misses, o.k)
-- same for __newindex
local mt2 = {}
local w = setmetatable({}, mt2)
for i = 1, 10 do w["f" .. i] = i end
local sink = {}
mt2.__newindex = sink
w.late = 1
print(rawget(w, "late"), sink.late, w.f10)
-- metamethod names are only looked up raw in the metatable
local mmt = setmetatable({}, {__index = {__index = function() return "via inherited mt" end}})
local z = setmetatable({}, mmt)
print(z.anything)
