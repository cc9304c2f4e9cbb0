-- order of __concat calls in a long chain (5.1 concatenates right to left)
local log = {}
local mt = {}
mt.__concat = function(a, b)
  local function n(x) return type(x) == "table" and x.n or tostring(x) end
  log[#log + 1] = n(a) .. "|" .. n(b)
  return setmetatable({n = "(" .. n(a) .. n(b) .. ")"}, mt)
end
local A = setmetatable({n = "A"}, mt)
local B = setmetatable({n = "B"}, mt)
local r = "x" .. "y" .. A .. "z" .. B .. "w" .. 1 .. 2
print(r.n)
print(table.concat(log, "  "))
log = {}
local r2 = A .. B
local r3 = 1 .. A
local r4 = A .. 2.5
print(r2.n, r3.n, r4.n, table.concat(log, "  "))
