local function lvl3() return debug.traceback("message here", 1) end
local function lvl2() return lvl3() .. "" end
local function lvl1() local r = lvl2() return r end
print(lvl1())
print(debug.traceback("no level"))
print(type(debug.traceback()))
print(xpcall(function() error("xp") end, debug.traceback))
