local function a() error("A", 2) end
local function b() a() end
local function c() local ok, e = pcall(b) return e end
print(c())
local function d() error("D", 3) end
local function e() d() end
local function f() e() end
print(pcall(f))
print(pcall(d))
