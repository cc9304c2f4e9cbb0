local t = {function() local x = nil; return x.y end}
local function call(f) return f() + 1 end
call(t[1])
