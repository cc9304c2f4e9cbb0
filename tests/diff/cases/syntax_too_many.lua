local function try(s) local f, e = loadstring(s) print(f and "compiled" or e) end
-- more than the register/constant limits
local a = {}
for i = 1, 260 do a[i] = "x" .. i end
try("local t = {" .. table.concat(a, ",") .. "}")
try("f(" .. table.concat(a, ",") .. ")")
try("return " .. table.concat(a, ","))
local v = {}
for i = 1, 260 do v[i] = "v" .. i end
try(table.concat(v, ",") .. " = 1")
try("local " .. table.concat(v, ",", 1, 199) .. " = 1")
