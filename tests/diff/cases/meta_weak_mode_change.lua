-- __mode is read at collection time
local mt = {}
local t = setmetatable({}, mt)
local function fill() for i = 1, 5 do t[i] = {} end end
fill()
collectgarbage()
local c1 = 0 for _ in pairs(t) do c1 = c1 + 1 end
mt.__mode = "v"
collectgarbage()
local c2 = 0 for _ in pairs(t) do c2 = c2 + 1 end
print(c1, c2)
-- strings, numbers and booleans are never removed from weak tables
local w = setmetatable({}, {__mode = "kv"})
w.s = "str"; w[1] = 2; w[true] = false
collectgarbage()
print(w.s, w[1], w[true])
-- functions without upvalues are collectable values too
local wf = setmetatable({}, {__mode = "v"})
local function addf() wf[1] = function() return 1 end end
addf()
collectgarbage()
print(wf[1])
