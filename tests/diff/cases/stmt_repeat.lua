local i = 0
repeat i = i + 1 until i >= 5
print(i)
-- the until condition sees locals of the body
local n = 0
repeat
  local done = n >= 3
  n = n + 1
until done
print(n)
-- closures inside repeat body capture fresh locals
local fs = {}
local c = 0
repeat
  local v = c * 10
  fs[#fs + 1] = function() return v end
  c = c + 1
until v >= 30
for _, f in ipairs(fs) do io.write(f(), " ") end
print()
repeat local x = 1 until true
repeat
  if n > 100 then break end
  n = n + 50
until false
print(n)
