local mt = {__concat = function(a, b)
  local function s(x) return type(x) == "table" and "T" .. x.id or tostring(x) end
  return s(a) .. "+" .. s(b)
end}
local x = setmetatable({id = 1}, mt)
local y = setmetatable({id = 2}, mt)
print(x .. y, x .. "str", "str" .. x, 5 .. x, x .. 5)
print("a" .. "b" .. x)
print(x .. "a" .. "b")
print("a" .. x .. "b" .. y .. "c")
print(pcall(function() return x .. true end))
print(pcall(function() return {} .. "z" end))
