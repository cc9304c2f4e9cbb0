local function inf(n) return 1 + inf(n + 1) end
local ok, msg = pcall(inf, 1)
print(ok, string.find(msg, "stack overflow") ~= nil)
local function inf2() local t = {inf2()} return t end
ok, msg = pcall(inf2)
print(ok, string.find(msg, "stack overflow") ~= nil)
-- the state is usable afterwards
print(string.rep("ok", 2))
-- overflow through metamethods (C stack)
local mt = {}
mt.__index = function(t, k) return t[k] end
local obj = setmetatable({}, mt)
ok, msg = pcall(function() return obj.x end)
print(ok, string.find(msg, "stack overflow") ~= nil)
-- overflow in a coroutine
local co = coroutine.create(function() return inf(1) end)
local cok, cmsg = coroutine.resume(co)
print(cok, string.find(cmsg, "stack overflow") ~= nil, coroutine.status(co))
