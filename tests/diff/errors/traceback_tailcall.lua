local function a() error("in a") end
local function b() return a() end
local function c() return b() end
c()
