-- debug.traceback: format, levels, message handling, threads, deep stacks
print(debug.traceback())
print(debug.traceback("message"))
print(debug.traceback("message", 1))
print(debug.traceback("level 2", 2))
print(debug.traceback("level 0", 0))
print(debug.traceback("level 50", 50))
print(debug.traceback("level -1", -1))
print(debug.traceback(12))
print(debug.traceback(nil))
print(debug.traceback(nil, 1))
print(type(debug.traceback({})), type(debug.traceback(print)))
print(debug.traceback(true))
print(debug.traceback("m", "2"))
print(debug.traceback("m", 1, "extra"))
print(debug.traceback("", 1))
print(debug.traceback("with\nnewline"))

-- the kinds of frames
local t = {}
function t.field() return debug.traceback("field") end
function t:method() return debug.traceback("method") end
function globalfn() return debug.traceback("global") end
local function localfn() return debug.traceback("local") end
local function tailcaller() return localfn() end
print(t.field())
print(t:method())
print(globalfn())
print(localfn())
print(tailcaller())
print((function() return debug.traceback("anonymous") end)())
print(select(2, pcall(function() return debug.traceback("in pcall") end)))
print(select(2, xpcall(function() error("boom") end, debug.traceback)))
print(select(2, xpcall(function() local x = nil; return x.y end, debug.traceback)))
print(type(select(2, xpcall(function() error({}) end, debug.traceback))))
print(select(2, xpcall(function() error() end, debug.traceback)))
local sorted = {}
table.sort({ 3, 1, 2 }, function(a, b)
  if #sorted == 0 then sorted[1] = debug.traceback("in sort") end
  return a < b
end)
print(sorted[1])
print((string.gsub("x", "x", function() return debug.traceback("in gsub") end)))
print(loadstring("return debug.traceback('loaded chunk')")())
print(loadstring("return debug.traceback('named chunk')", "=name")())
local f = loadstring("local function inner() return debug.traceback('inner') end\nreturn inner()")
print(f())

-- deep stacks: the middle part is elided from 22 levels on
local function deep(n, ...)
  if n == 0 then return debug.traceback(...) end
  return (deep(n - 1, ...))
end
for n = 0, 26 do print(n, deep(n, "depth " .. n)) end
print(deep(40, "depth 40"))
print(deep(100, "depth 100, level 5", 5))
print(deep(100, "depth 100, level 15", 15))
print(deep(100, "depth 100, level 90", 90))
print(deep(30, "depth 30, level 20", 20))
local function deeptail(n)
  if n == 0 then return debug.traceback("tail calls") end
  return deeptail(n - 1)
end
print(deeptail(30))
local function overflow(n) return 1 + overflow(n + 1) end
print(select(2, xpcall(function() return overflow(1) end, debug.traceback)))

-- threads
local co = coroutine.create(function(x)
  local function inside() coroutine.yield(debug.traceback("from inside")) end
  inside()
  return 1
end)
local _, tb = coroutine.resume(co)
print(tb)
print(debug.traceback(co))
print(debug.traceback(co, "co message"))
print(debug.traceback(co, "co level 1", 1))
print(debug.traceback(co, nil))
print(debug.traceback(co, {}) == nil)
coroutine.resume(co)
print(debug.traceback(co, "dead"))
local fresh = coroutine.create(function() end)
print(debug.traceback(fresh, "fresh"))
local errco = coroutine.create(function() local x = nil; return x + 1 end)
print(coroutine.resume(errco))
print(debug.traceback(errco, "after error"))
print(debug.traceback(coroutine.running() or "main has no thread object in 5.1"))
print("done")
