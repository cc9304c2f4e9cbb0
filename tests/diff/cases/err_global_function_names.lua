-- function names in bad-argument errors come from how the function was called
local function try(f) print(select(2, pcall(f))) end
try(function() string.rep() end)
try(function() local r = string.rep; r() end)
try(function() myrep = string.rep; myrep() end)
try(function() local t = {r = string.rep}; t.r() end)
try(function() local t = {r = string.rep}; t:r() end)
try(function() math.floor({}) end)
try(function() local m = math; m.floor({}) end)
try(function() setmetatable(1, 2) end)
try(function() tostring() end)
try(function() ("x"):rep() end)
try(function() return (string.rep)() end)
