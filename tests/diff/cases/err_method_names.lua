local obj = {}
local function try(f) print(select(2, pcall(f))) end
try(function() obj:nomethod() end)
try(function() obj.nofield() end)
try(function() local o = {sub = {}} o.sub:deep() end)
try(function() string.format("%d", "x") end)
try(function() ("abc"):rep() end)
try(function() local s = "abc"; s:nomethod() end)
try(function() obj:nomethod(1, 2, 3) end)
local mt = {__index = {}}
local inst = setmetatable({}, mt)
try(function() inst:missing() end)
