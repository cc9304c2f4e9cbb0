-- debug.sethook / debug.gethook: call, return, line and count hooks, per thread
local function show(...)
  local t = {}
  for i = 1, select('#', ...) do
    local v = select(i, ...)
    if type(v) == "string" then v = string.format("%q", v) end
    if type(v) == "function" or type(v) == "table" or type(v) == "thread" then v = type(v) end
    t[i] = tostring(v)
  end
  print(select('#', ...), table.concat(t, " | "))
end

show(debug.gethook())

local log = {}
local function hook(ev, line)
  local info = debug.getinfo(2, "nS")
  log[#log + 1] = ev .. ":" .. tostring(line) .. ":" .. tostring(info.name) .. ":" .. info.what
end

local function add(a, b) return a + b end
local function tail(x) return add(x, 1) end
local function work()
  local s = 0
  for i = 1, 2 do
    s = add(s, i)
  end
  return tail(s)
end

debug.sethook(hook, "c")
show(debug.gethook())
work()
debug.sethook()
print(table.concat(log, "\n")) log = {}
show(debug.gethook())

debug.sethook(hook, "r")
work()
debug.sethook()
print(table.concat(log, "\n")) log = {}

debug.sethook(hook, "l")
work()
debug.sethook()
print(table.concat(log, "\n")) log = {}

debug.sethook(hook, "crl")
show(debug.gethook())
work()
debug.sethook()
print(table.concat(log, "\n")) log = {}

-- hooks see C functions too
debug.sethook(hook, "cr")
local s = string.rep("x", 2)
debug.sethook()
print(table.concat(log, "\n")) log = {}

-- count hook
local counts = 0
debug.sethook(function(ev, line) counts = counts + 1; assert(ev == "count" and line == nil) end, "", 100)
show(debug.gethook())
for i = 1, 1000 do local _ = i * 2 end
debug.sethook()
show(counts > 0)
debug.sethook(hook, "", 0)
show(debug.gethook())
debug.sethook(hook, "c", 5)
show(debug.gethook())
debug.sethook(hook, "lrc", -1)
show(debug.gethook())
debug.sethook(nil, "c")
show(debug.gethook())
log = {}

-- errors
show(pcall(debug.sethook, hook))
show(pcall(debug.sethook, 1, "c"))
show(pcall(debug.sethook, hook, {}))
show(pcall(debug.sethook, hook, "c", "x"))
show(pcall(debug.sethook, "x", "c"))

-- hooks are per thread
local co = coroutine.create(function(a)
  local b = a + 1
  coroutine.yield(b)
  return b * 2
end)
local colog = {}
debug.sethook(co, function(ev, line) colog[#colog + 1] = ev .. ":" .. tostring(line) end, "l")
show(debug.gethook(co))
show(debug.gethook())
show(coroutine.resume(co, 1))
show(coroutine.resume(co))
print(table.concat(colog, " "))
debug.sethook(co)
show(debug.gethook(co))

-- a new coroutine does not run the main thread's Lua hook
debug.sethook(hook, "l")
local co2 = coroutine.wrap(function() return 1 end)
co2()
debug.sethook()
show(#log > 0)
log = {}

-- the registry holds the hook table
local found = 0
for k, v in pairs(debug.getregistry()) do
  if type(k) == "userdata" and type(v) == "table" then found = found + 1 end
end
show(found >= 1)

-- an error inside a hook propagates
local fired = false
local ok, err = pcall(function()
  debug.sethook(function() if not fired then fired = true; error("from hook") end end, "c")
  return tostring(1)
end)
debug.sethook()
show(ok, err)
print("done")
