-- line numbers in syntax errors
local function try(s) local f, e = loadstring(s) print(f and "compiled" or e) end
try("local a = 1\nlocal b = 2\nlocal c = = 3")
try("\n\n\n\nx = ")
try("x = [[\n\n\n]] + ")
try("--[[\n\n]] x = ")
try("x = 'a\\\nb' + ")
try("f(\n1,\n2,\n")
try("if x then\n  y = 1\nelse\n  y = 2\n")
try("function f()\n  return 1\n\n\n")
try("local t = {\n1,\n2\n")
try("x = 1\r\ny = = 2")
try("x = 1\ry = = 2")
try("x = 1\n\ry = = 2")
