-- many closures created and dropped
local total = 0
for i = 1, 20000 do
  local f = function(x) return x + i end
  total = total + f(1)
end
print(total)
local keep = {}
for i = 1, 100 do
  local v = i
  keep[i] = function() v = v + 1 return v end
end
collectgarbage()
local s = 0
for i = 1, 100 do s = s + keep[i]() end
print(s)
