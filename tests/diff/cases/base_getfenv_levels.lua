local results = {}
local function inner()
  results[#results + 1] = getfenv(1) == getfenv(inner)
  results[#results + 1] = getfenv(2).marker
end
local function outer() inner() end
setfenv(outer, setmetatable({marker = "outer env"}, {__index = _G}))
outer()
print(results[1], results[2])
-- tail calls lose their environment level
local function tail() return getfenv(2) end
local function caller() return tail() end
print(pcall(caller))
print(getfenv(print) == _G)
