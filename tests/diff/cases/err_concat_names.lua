local function try(f, ...) print(select(2, pcall(f, ...))) end
try(function() local a; return "x" .. a end)
try(function() local t = {} return t.f .. "x" end)
try(function() return "a" .. g_missing .. "b" end)
local up
try(function() return up .. "" end)
try(function() local t = {} return "a" .. t end)
try(function() local a, b = "a", nil return a .. b .. "c" end)
try(function() local b = false; return b .. "z" end)
try(function() return 1 .. {} end)
try(function() local x = "1" local y = {} return x .. y .. x end)
