local function level1()
  local a = 1
  local function level2()
    local b = 2
    local function level3()
      local c = 3
      return function() a = a + 1; b = b + 1; c = c + 1 return a + b + c end
    end
    return level3()
  end
  return level2(), function() return a end
end
local f, geta = level1()
print(f(), f(), geta())
-- upvalue shared between sibling closures created at different times
local function mk()
  local v = 0
  local get = function() return v end
  v = 10
  local set = function(x) v = x end
  return get, set
end
local get, set = mk()
print(get())
set(5)
print(get())
