local mt = {}
mt.__index = function(t, k) return setmetatable({path = (rawget(t, "path") or "") .. "." .. k}, mt) end
local root = setmetatable({}, mt)
print(root.a.b.c.path, root.x.path)
local calls = 0
local lazy = setmetatable({}, {__index = function(t, k)
  calls = calls + 1
  local v = function(self, x) return k .. "(" .. tostring(x) .. ")" end
  rawset(t, k, v)
  return v
end})
print(lazy:foo(1), lazy:foo(2), lazy:bar(3), calls)
