-- errors in __gc are propagated in 5.1 when collected explicitly
local p = newproxy(true)
getmetatable(p).__gc = function() error("gc error") end
p = nil
collectgarbage()
print("after collect")
