local function try(s) local f, e = loadstring(s) print(f and "compiled" or e) end
-- deeply nested parentheses
try("return " .. string.rep("(", 150) .. "1" .. string.rep(")", 150))
try("return " .. string.rep("(", 300) .. "1" .. string.rep(")", 300))
-- long concatenation chain beyond the C-call limit
local parts = {}
for i = 1, 300 do parts[i] = "'x'" end
try("return " .. table.concat(parts, ".."))
-- nested blocks
try(string.rep("do ", 150) .. string.rep("end ", 150))
try(string.rep("do ", 300) .. string.rep("end ", 300))
-- nested tables
try("return " .. string.rep("{", 100) .. string.rep("}", 100))
try("return " .. string.rep("{", 300) .. string.rep("}", 300))
-- nested functions
try(string.rep("function f() ", 100) .. string.rep("end ", 100))
try(string.rep("function f() ", 250) .. string.rep("end ", 250))
