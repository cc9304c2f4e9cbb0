local env = {print = print, tostring = tostring}
local function outer()
  local function inner() return x end
  x = "set in env"
  return inner()
end
setfenv(outer, env)
print(outer(), env.x, rawget(_G, "x"))
local creator = function() return function() return y end end
setfenv(creator, {y = "Y"})
local made = creator()
print(made(), getfenv(made).y)
