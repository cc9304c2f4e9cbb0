local function handler(m) return "handled: " .. tostring(m) end
print(xpcall(function() error("oops") end, handler))
print(xpcall(function() return "fine", 2 end, handler))
print(xpcall(function() error({}) end, function(e) return type(e) end))
print(xpcall(function() local x = nil; return x.f end, handler))
-- handler receiving non-string
print(xpcall(function() error(42) end, function(e) return e * 2 end))
-- error inside the handler
print(xpcall(function() error("first") end, function(e) error("in handler") end))
-- handler using debug.traceback would print addresses? only check type
print(xpcall(function() error("tb") end, function(e) return type(debug.traceback(e)) end))
-- handler not a function
print(pcall(xpcall, function() error("x") end, nil))
print(xpcall(function() error("x") end, 1))
print(pcall(xpcall))
-- xpcall with a handler that returns multiple values: only first used
print(xpcall(function() error("m") end, function(e) return 1, 2, 3 end))
