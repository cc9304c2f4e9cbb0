-- os.exit: status code, and buffered output is flushed
io.write("before exit")
io.stdout:setvbuf("full")
io.write(" (buffered)\n")
local ok, msg = pcall(os.exit, "x")
print(ok, msg)
os.exit(3)
print("not reached")
