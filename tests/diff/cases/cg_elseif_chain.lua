local parts = {"local x = ...", "if x == 0 then return 'zero'"}
for i = 1, 150 do parts[#parts + 1] = ("elseif x == %d then return 'v%d'"):format(i, i) end
parts[#parts + 1] = "else return 'other' end"
local f = assert(loadstring(table.concat(parts, "\n")))
print(f(0), f(1), f(75), f(150), f(151))
