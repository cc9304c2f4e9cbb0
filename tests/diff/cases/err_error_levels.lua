local function lvl(n) error("msg", n) end
print(pcall(lvl, 0))
print(pcall(lvl, 1))
print(pcall(lvl, 2))
local function a() lvl(2) end
print(pcall(a))
local function b() lvl(3) end
local function c() b() end
print(pcall(c))
print(pcall(error, "direct"))
print(pcall(error, "direct1", 1))
print(pcall(error, "direct2", 2))
print(pcall(error))
print(pcall(error, nil))
local function d() error("default level") end
print(pcall(d))
local function e() error() end
print(pcall(e))
print(pcall(function() error("lvl50", 50) end))
