local function counter()
  local n = 0
  return function() n = n + 1 return n end
end
local c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2())
local function pair()
  local v = 0
  local function get() return v end
  local function set(x) v = x end
  return get, set
end
local get, set = pair()
set(42)
print(get())
local function adders()
  local t = {}
  for i = 1, 3 do t[i] = function(x) return x + i end end
  return t
end
local ad = adders()
print(ad[1](10), ad[2](10), ad[3](10))
local fs = {}
local i = 1
while i <= 3 do
  local j = i
  fs[i] = function() return j end
  i = i + 1
end
print(fs[1](), fs[2](), fs[3]())
local shared = {}
do
  local x = 1
  shared[1] = function() x = x + 1 return x end
  shared[2] = function() return x end
end
shared[1](); shared[1]()
print(shared[2]())
-- nested upvalues across several levels
local function l1()
  local a = 1
  return function()
    local b = 2
    return function()
      a = a + 1; b = b + 1
      return a + b
    end
  end
end
local l3 = l1()()
print(l3(), l3())
