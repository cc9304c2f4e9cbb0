local cache = setmetatable({}, {__mode = "v"})
local function get(i)
  local v = cache[i]
  if not v then v = {id = i} cache[i] = v end
  return v
end
local held = {}
for round = 1, 5 do
  for i = 1, 100 do
    local v = get(i)
    if i % 10 == 0 then held[i] = v end
  end
  collectgarbage()
end
local alive = 0
for k, v in pairs(cache) do alive = alive + 1 end
print(alive)
