print(xpcall(function() error("a") end, function(m) return m .. " handled" end))
local function bad() local n = nil return n + 1 end
bad()
