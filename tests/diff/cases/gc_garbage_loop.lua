-- lots of garbage with explicit steps; results must be intact
local keep = {}
for i = 1, 20000 do
  local t = {i, tostring(i), {i * 2}}
  if i % 1000 == 0 then keep[#keep + 1] = t end
  if i % 500 == 0 then collectgarbage("step", 10) end
end
collectgarbage()
local s = 0
for _, t in ipairs(keep) do s = s + t[1] + tonumber(t[2]) + t[3][1] end
print(#keep, s)
