local mt = {}
mt.__index = function(t, k)
  local v = k * 2
  rawset(t, k, v)
  return v
end
local memo = setmetatable({}, mt)
print(memo[5], rawget(memo, 5), memo[5])
local cnt = 0
local lazy = setmetatable({}, {__index = function(t, k) cnt = cnt + 1 t[k] = k .. k return t[k] end})
print(lazy.a, lazy.a, cnt)
