local function cmps(a, b)
  return a < b, a <= b, a > b, a >= b, a == b, a ~= b, not (a < b), not (a == b)
end
print(cmps(1, 2))
print(cmps(2, 2))
print(cmps("a", "b"))
print(cmps(-1, -1.5))
local x = 5
print(x < 10, 10 < x, x == 5, 5 == x, x ~= 5, 5 ~= x, x > 4.5, 4.5 > x)
print(x == "5", "5" == x, x == nil, nil == x)
local t = {1 < 2, 2 < 1, "a" == "a", x >= 5}
print(t[1], t[2], t[3], t[4])
local b = x > 3 and x < 10
print(b, x > 3 and "in" or "out")
if 1 < x and x < 10 then print("range ok") end
if not (x > 10) then print("not gt") end
if x ~= nil and x ~= false then print("truthy compare") end
local n = nil
if n == nil then print("n is nil") end
if nil == n then print("nil is n") end
if n ~= false then print("nil ~= false") end
