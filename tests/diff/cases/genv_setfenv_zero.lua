-- setfenv(0, t) changes the thread's global table, used by new chunks
local realG = _G
local newenv = setmetatable({marker = "new"}, {__index = realG})
setfenv(0, newenv)
local f = loadstring("return marker")
print(f())
print(marker)
setfenv(0, realG)
print(loadstring("return marker")())
