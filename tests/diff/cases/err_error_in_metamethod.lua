local t = setmetatable({}, {
  __index = function(_, k) error("index " .. k) end,
  __newindex = function(_, k) error("newindex " .. k, 2) end,
  __add = function() error({"table err"}) end,
  __call = function() error("call", 0) end,
})
print(pcall(function() return t.foo end))
print(pcall(function() t.bar = 1 end))
local ok, e = pcall(function() return t + 1 end)
print(ok, type(e), e[1])
print(pcall(t))
print(pcall(tostring, setmetatable({}, {__tostring = function() error("ts err") end})))
