io.write("partial line without newline")
local t = nil
print(t[1])
