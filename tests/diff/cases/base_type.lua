print(type(nil), type(true), type(1), type("s"), type({}), type(print), type(function() end))
print(type(coroutine.create(function() end)), type(newproxy()), type(io.stdout))
print(pcall(type))
print(type(type), type(_G), type(_VERSION), _VERSION)
