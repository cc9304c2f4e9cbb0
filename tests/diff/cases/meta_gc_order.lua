-- order in which finalizers run within one collection (5.1 specific)
local log = {}
local function mk(name)
  local p = newproxy(true)
  getmetatable(p).__gc = function() log[#log + 1] = name end
  return p
end
local function garbage() local a, b, c = mk("a"), mk("b"), mk("c") end
garbage()
collectgarbage()
print(table.concat(log, ","))
log = {}
local keep = {mk("x"), mk("y"), mk("z")}
keep = nil
collectgarbage()
print(table.concat(log, ","))
