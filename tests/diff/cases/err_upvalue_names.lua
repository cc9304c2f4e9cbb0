local up_n = nil
local up_s = "str"
local up_t = {}
local function try(f) print(select(2, pcall(f))) end
try(function() return up_n.x end)
try(function() return up_s + 1 end)
try(function() return up_t .. "x" end)
try(function() up_n() end)
try(function() return up_t < up_t end)
try(function() return #up_n end)
try(function() up_n.field = 1 end)
try(function() return up_t.a.b end)
