-- metatables for numbers/booleans cannot be set from Lua; indexing errors
print(pcall(function() local x = 5; return x.field end))
print(pcall(function() local x = true; return x[1] end))
print(pcall(function() local f = print; return f.x end))
print(pcall(function() local x = 5; x.field = 1 end))
print(pcall(function() local s = "str"; s.x = 1 end))
print(("s").x)
