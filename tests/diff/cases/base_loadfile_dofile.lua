print(loadfile("does_not_exist.lua"))
print(pcall(dofile, "does_not_exist.lua"))
