print()
print(nil)
print(1, nil, 3)
print("a", "b")
print(1.0, -0.0 + 0, 100, 1e100)
local t = setmetatable({}, {__tostring = function() return "T!" end})
print(t, t)
print(("x"):rep(3), true, false)
local saved = tostring
tostring = function(v) return "<" .. type(v) .. ">" end
print(1, "s", nil)
tostring = saved
print("restored", 1)
print(pcall(print, setmetatable({}, {__tostring = function() return 1 end})))
