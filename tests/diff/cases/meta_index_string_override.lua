local smt = getmetatable("")
local old = smt.__index
smt.__index = function(s, k)
  if type(k) == "number" then return string.sub(s, k, k) end
  return old[k]
end
local s = "hello"
print(s[1], s[5], s:upper(), s[10])
smt.__index = old
print(s[1], s:len())
