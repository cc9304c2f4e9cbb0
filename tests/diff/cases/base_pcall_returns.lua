print(select("#", pcall(function() end)))
print(select("#", pcall(function() return nil end)))
print(select("#", pcall(function() return 1, 2, 3 end)))
print(select("#", pcall(error)))
print(pcall(function(...) return select("#", ...) end, nil, nil, nil))
local function deep(n) if n == 0 then error("bottom " .. n) end return deep(n - 1) end
print(pcall(deep, 50))
local co = coroutine.wrap(function() return pcall(function() return "in co" end) end)
print(co())
