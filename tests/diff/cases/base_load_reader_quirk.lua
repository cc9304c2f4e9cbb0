-- 5.1 quirk: an error raised by load's reader outside any pcall runs the
-- message handler of the enclosing call (lua.c's traceback), so the message
-- returned by load carries a stack traceback.
local r = {load(function() return {} end)}
print(r[1], r[2])
