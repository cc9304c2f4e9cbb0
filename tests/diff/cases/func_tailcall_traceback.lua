local function inner() error("in inner", 1) end
local function middle() return inner() end
print(pcall(middle))
local function lvl2() error("level2", 2) end
local function caller() lvl2() end
print(pcall(caller))
local function tcaller() return lvl2() end
print(pcall(tcaller))
