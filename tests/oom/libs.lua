-- io, os, debug and package under memory pressure
local name = "oom_io_test.txt"   -- the harness runs each script in a fresh temp dir
local f = assert(io.open(name, "w"))
for i = 1, 50 do f:write("line ", i, "\n") end
f:close()
local n = 0
for l in io.lines(name) do n = n + #l end
print(n)
local g = assert(io.open(name))
print(g:read("*l"), g:seek("set", 5), g:read(3))
g:close()
os.remove(name)
print(os.date("!%Y-%m-%d", 0), os.time({year = 2000, month = 1, day = 1, hour = 12}) ~= nil)
print(debug.getinfo(1, "S").what, debug.getinfo(print).what)
print(#debug.traceback("x"):gsub("\n.*", ""))
package.preload.m = function(...) return {name = ...} end
print(require("m").name, package.loaded.m ~= nil)
print(pcall(require, "no_such_module_here") == false)
