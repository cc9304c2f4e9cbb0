local pieces = {"return ", "1 ", "+ ", "41"}
local i = 0
local f = load(function() i = i + 1 return pieces[i] end)
print(f())
-- empty string also ends the input
local parts = {"return 'a'", "", "..'never'"}
local j = 0
print(load(function() j = j + 1 return parts[j] end)())
-- reader returns a non-string
print(pcall(load, function() return true end))
print(pcall(load, function() return {} end))
-- reader raises an error
print(pcall(load, function() error("reader failed") end))
-- chunk name
print(load(function() return nil end, "=empty") ~= nil)
local once = false
print(load(function() if once then return nil end once = true return "x = = 1" end, "=reader"))
print(pcall(load))
-- byte-at-a-time reader
local src = "local s = 0 for i = 1, 10 do s = s + i end return s"
local k = 0
print(load(function() k = k + 1 if k <= #src then return src:sub(k, k) end end)())
