-- loadstring does not skip '#' lines; only files do
local f, e = loadstring("#!x\nprint(1)")
print(f, e)
