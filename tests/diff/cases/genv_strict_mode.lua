local declared = {}
setmetatable(_G, {
  __newindex = function(t, k, v) declared[k] = true rawset(t, k, v) end,
  __index = function(t, k) error("undefined variable '" .. tostring(k) .. "'", 2) end,
})
x = 1
print(x, declared.x)
print(pcall(function() return undefined_thing end))
print(rawget(_G, "undefined_thing"))
setmetatable(_G, nil)
print(undefined_thing)
