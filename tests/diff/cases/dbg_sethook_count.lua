-- count hook: only count how often it fires in a fixed loop (not exact per VM)
local fired = 0
debug.sethook(function() fired = fired + 1 end, "", 1000)
local s = 0
for i = 1, 10000 do s = s + i end
debug.sethook()
print(s, fired > 0)
local lines = {}
debug.sethook(function(ev, line) lines[#lines + 1] = line end, "l")
local a = 1
local b = 2
debug.sethook()
print(table.concat(lines, ","))
print(debug.gethook())
