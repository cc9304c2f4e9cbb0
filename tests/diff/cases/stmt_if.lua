local function sign(n)
  if n < 0 then return "neg" elseif n == 0 then return "zero" else return "pos" end
end
print(sign(-5), sign(0), sign(3))
local function grade(s)
  if s >= 90 then return "A"
  elseif s >= 80 then return "B"
  elseif s >= 70 then return "C"
  elseif s >= 60 then return "D"
  end
  return "F"
end
for _, s in ipairs({95, 85, 75, 65, 55}) do io.write(grade(s), " ") end
print()
if true then end
if false then else print("else branch") end
if nil then print(1) elseif false then print(2) end
if 0 then print("0 is true") end
local x = 5
if x > 1 then if x > 3 then if x > 4 then print("deep") end end end
