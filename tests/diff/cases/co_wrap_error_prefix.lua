-- errors leaving coroutine.wrap get the caller's position prepended (5.1)
local w = coroutine.wrap(function() error("inner msg") end)
local function call() return w() end
print(pcall(call))
local w2 = coroutine.wrap(function() error("lvl0", 0) end)
local function call2() local r = w2() return r end
print(pcall(call2))
local w3 = coroutine.wrap(function() error({}) end)
local ok, e = pcall(function() w3() end)
print(ok, type(e))
local w4 = coroutine.wrap(function() error(42) end)
print(pcall(function() w4() end))
