local base = {greet = "hello", x = 1}
local derived = setmetatable({y = 2}, {__index = base})
print(derived.greet, derived.x, derived.y, derived.z)
print(rawget(derived, "greet"))
local d2 = setmetatable({}, {__index = derived})
print(d2.greet, d2.y)
base.late = "added later"
print(d2.late)
derived.x = "own"
print(d2.x, base.x)
