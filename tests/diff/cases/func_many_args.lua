local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...)) end
  return s
end
local t = {}
for i = 1, 200 do t[i] = i end
print(sum(unpack(t)))
print(select("#", unpack(t)))
print(math.max(unpack(t)), math.min(unpack(t)))
local function many(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12)
  return a12, a11, a1
end
print(many(unpack(t)))
print(string.char(unpack({72, 105})))
