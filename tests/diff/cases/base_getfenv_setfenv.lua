local function f() return x end
print(f())
local env = {x = "from env"}
setfenv(f, env)
print(f())
print(getfenv(f) == env, getfenv(print) == _G, getfenv() == _G, getfenv(0) == _G, getfenv(1) == _G)
-- setfenv on the current function via level
local function g()
  setfenv(1, {print = print, y = "level1 env"})
  print(y)
end
g()
print(y)
-- function created inside inherits the creator's environment
local function maker() return function() return z end end
setfenv(maker, {z = "inherited"})
print(maker()())
-- setfenv(0) changes the global env of the thread; restore afterwards
local G = _G
-- errors
print(pcall(setfenv, print, {}))
print(pcall(setfenv, 1, 2))
print(pcall(getfenv, 100))
print(pcall(setfenv, {}, {}))
print(pcall(getfenv, -1))
-- setfenv returns the function
local h = function() return w end
print(setfenv(h, {w = 7}) == h, h())
-- loadstring chunks use the global env
local chunk = loadstring("return q")
q = "global q"
print(chunk())
setfenv(chunk, {q = "private q"})
print(chunk(), q)
