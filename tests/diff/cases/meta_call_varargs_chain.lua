local function mkcallable(name)
  return setmetatable({}, {__call = function(self, ...)
    return name, select("#", ...), ...
  end})
end
local c = mkcallable("c")
print(c())
print(c(1, nil))
print(pcall(c, "via pcall"))
print(coroutine.wrap(function(...) return c(...) end)("in", "co"))
local t = {c = c}
print(t.c(1))
local r1, r2, r3, r4 = t:c(2)
print(r1, r2, r3 == t, r4)
print(select("#", c(nil, nil, nil)))
print(table.concat({c("x", "y")}, ","))
-- __call on a table stored in a metatable field chain
local inner = mkcallable("inner")
local outer = setmetatable({}, {__call = inner})
print(pcall(outer, "arg"))
