local function compute(a, b) return a * b end
local function go() return compute(2, "x") end
print(go())
