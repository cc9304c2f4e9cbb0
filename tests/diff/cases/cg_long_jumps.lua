-- very large function bodies need long jumps
local body = {}
for i = 1, 20000 do body[#body + 1] = "x = x + 1" end
local src = "local x = 0\nlocal n = ...\nif n > 0 then\n" .. table.concat(body, "\n") ..
  "\nelse x = -1 end\nwhile x > 0 do\n" .. table.concat(body, "\n", 1, 5000) .. "\nx = x - 25000\nend\nreturn x"
local f = assert(loadstring(src))
print(f(1), f(0))
