local function try(s) local f, e = loadstring(s) print(f and "compiled" or e) end
try("local a = f\n(g)()")
try("local a = f (g)()")
try("a = b\n('x'):rep(2)")
try("a = b;('x'):rep(2)")
try("x = f\n{1}")
try("x = f\n'str'")
