-- 5.1 has no ephemerons: a value referring to its weak key keeps the entry alive
local wk = setmetatable({}, {__mode = "k"})
local function add()
  local k = {}
  wk[k] = {ref = k}
  local k2 = {}
  wk[k2] = "plain"
end
add()
collectgarbage()
collectgarbage()
local n = 0
for k, v in pairs(wk) do n = n + 1 end
print(n)
