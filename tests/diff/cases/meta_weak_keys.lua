local weak = setmetatable({}, {__mode = "k"})
local keep = {}
local function fill()
  weak[keep] = "kept"
  weak[{}] = "dropped"
  weak[{}] = "dropped too"
  weak["str"] = "string keys stay"
  weak[1] = "numbers stay"
end
fill()
collectgarbage()
collectgarbage()
local n, vals = 0, {}
for k, v in pairs(weak) do n = n + 1; vals[#vals + 1] = v end
table.sort(vals)
print(n, table.concat(vals, ","))
