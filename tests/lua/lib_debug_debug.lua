-- debug.debug: runs itself as a child interpreter whose stdin holds debug commands
if arg and arg[1] == "child" then
  local secret = "local value"
  globalvar = 42
  print("before debug.debug")
  debug.debug()
  print("after first debug.debug, globalvar =", globalvar)
  debug.debug()  -- ends at end of input
  print("after second debug.debug")
  return
end

local interp, script = arg and arg[-1], arg and arg[0]
if not interp or not script or not io.popen then print("skipped") return end
local cmds = os.tmpname()
local errs = os.tmpname()
local f = assert(io.open(cmds, "w"))
f:write([[
print("hello from debug", globalvar)
globalvar = globalvar + 1
x = = 1
error("raised")
print(debug.getinfo(1, "S").source, debug.getinfo(1, "S").short_src)
return 1, 2
   cont
cont
print("second session")
]])
f:close()
local p = assert(io.popen(interp .. " " .. script .. " child < " .. cmds .. " 2> " .. errs))
io.write("stdout:\n", p:read("*a"))
p:close()
io.write("stderr:\n", io.open(errs):read("*a"), "\n")
os.remove(cmds)
os.remove(errs)
print("done")
