-- an object reachable from a finalizer stays alive for that call
local saved
local p = newproxy(true)
local data = {msg = "payload"}
getmetatable(p).__gc = function(self) saved = data.msg .. " seen by __gc" end
p = nil
collectgarbage()
collectgarbage()
print(saved)
-- finalizer runs once only
local count = 0
local q = newproxy(true)
getmetatable(q).__gc = function(self) count = count + 1 _G.resurrected = self end
q = nil
collectgarbage()
collectgarbage()
_G.resurrected = nil
collectgarbage()
collectgarbage()
print(count)
