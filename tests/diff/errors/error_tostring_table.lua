-- lua.c does not use __tostring for error objects in 5.1
error(setmetatable({}, {__tostring = function() return "custom" end}))
