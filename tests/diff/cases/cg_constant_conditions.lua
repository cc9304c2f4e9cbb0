if true then print("true") end
if 1 then print("1") end
if "s" then print("s") end
if nil then print("never") else print("nil else") end
if false then print("never") elseif true then print("elseif true") end
while false do print("never") end
local i = 0
while 1 do i = i + 1 if i > 2 then break end end
print(i)
repeat i = i + 1 until 1
print(i)
repeat i = i + 1 until nil == nil
print(i)
if not nil then print("not nil") end
if not 1 then print("never") else print("not 1 is false") end
print(true and false, true and 1, false or "x", nil and nil)
print(1 == 1, 1 == 2, "a" == "a", "a" < "b", 2 < 1)
local v = not nil and "yes" or "no"
print(v)
