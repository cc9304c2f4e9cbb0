for a, p, b in ("a1 b2 c3"):gmatch("(%a)()(%d)") do io.write(a, p, b, " ") end print()
for k, v in ("x=1;y=22;z=333"):gmatch("(%w+)=(%w+)") do io.write(k, "->", #v, " ") end print()
local pos = {}
for p in ("banana"):gmatch("()a") do pos[#pos + 1] = p end
print(table.concat(pos, ","))
local it = ("aXbXc"):gmatch("[^X]+")
print(it(), it(), it(), it())
