local function f() error("uncaught after pcall") end
print(pcall(error, "caught"))
pcall(function() end)
f()
