print(true and 1, false and 1, nil and 1, 1 and nil)
print(true or 1, false or 1, nil or "x", 1 or error("no"))
print(nil and error("no"), false or false)
print(not true, not false, not nil, not 0, not not nil)
local x = nil
local v = x and x.field or "default"
print(v)
local function f() print("f called") return true end
local r = false and f()
print(r)
r = true or f()
print(r)
r = nil or f()
print(r)
print(1 == 1 and "yes" or "no", 1 == 2 and "yes" or "no")
print((nil or false) == false)
local a, b = 1, nil
print(a and b, a or b, b and a, b or a)
if nil or false then print("bad") else print("falsy") end
while nil do print("never") end
print(0 and "zero is true", "" and "empty is true")
