local seen = {}
local mt = {}
for _, ev in ipairs({"__add", "__sub", "__mul", "__div", "__mod", "__pow", "__concat"}) do
  mt[ev] = function(x, y)
    local function d(v) return type(v) == "table" and v.name or tostring(v) end
    return ev .. "(" .. d(x) .. "," .. d(y) .. ")"
  end
end
local A = setmetatable({name = "A"}, mt)
local B = setmetatable({name = "B"}, mt)
print(A + B, A - 1, 2 * A, A / B, 5 % A, A ^ 2)
print(A .. B, "s" .. A, A .. 3, 1 .. A)
print("x" .. A .. "y")
print(A .. "y" .. "z")
