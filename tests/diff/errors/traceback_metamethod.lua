local mt = {__index = function(t, k) error("no field " .. k) end}
local obj = setmetatable({}, mt)
local function get() return obj.missing end
get()
