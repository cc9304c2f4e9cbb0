local body = string.rep("0123456789", 20000)
local f = assert(loadstring("return '" .. body .. "'"))
local s = f()
print(#s, s:sub(1, 12), s == body)
local g = assert(loadstring("return [==[" .. body .. "]==]"))
print(#g(), g() == body)
local esc = string.rep("\\n", 30000)
print(#assert(loadstring("return \"" .. esc .. "\""))())
local names = {}
for i = 1, 3000 do names[i] = "v" .. i end
local src = "local t = {} " .. table.concat(names, " = 1 t[#t+1] = 1 ") .. " = 1 return #t"
print(assert(loadstring(src))())
