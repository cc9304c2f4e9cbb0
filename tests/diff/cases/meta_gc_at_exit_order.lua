local function mk(name)
  local p = newproxy(true)
  getmetatable(p).__gc = function() print("gc " .. name) end
  return p
end
first = mk("first")
second = mk("second")
local third = mk("third")
print("chunk ends")
