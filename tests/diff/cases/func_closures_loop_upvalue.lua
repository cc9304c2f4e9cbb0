-- each numeric-for iteration gets a new control variable
local fs = {}
for i = 1, 5 do
  fs[#fs + 1] = function() return i end
end
for _, f in ipairs(fs) do io.write(f(), " ") end print()
-- closure modifying loop-local copy
local gs = {}
for i = 1, 3 do
  local acc = i
  gs[i] = function() acc = acc * 10 return acc end
end
print(gs[1](), gs[1](), gs[2](), gs[3]())
-- break out of a loop with live closures
local hs = {}
for i = 1, 10 do
  local v = i * i
  hs[i] = function() return v end
  if i == 4 then break end
end
print(#hs, hs[4]())
-- while loop closing upvalues each iteration
local ks = {}
local n = 0
while n < 3 do
  n = n + 1
  local m = n
  ks[n] = function() m = m + 1 return m end
end
print(ks[1](), ks[2](), ks[3](), ks[1]())
