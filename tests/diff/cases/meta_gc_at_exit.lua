-- finalizers of live proxies run when the state closes
local p = newproxy(true)
getmetatable(p).__gc = function() print("finalized at exit") end
_G.keep = p
print("end of chunk")
