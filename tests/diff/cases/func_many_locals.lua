local a1, a2, a3, a4, a5, a6, a7, a8, a9, a10 = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
local b1, b2, b3, b4, b5, b6, b7, b8, b9, b10 = 11, 12, 13, 14, 15, 16, 17, 18, 19, 20
local c1, c2, c3, c4, c5, c6, c7, c8, c9, c10 = 21, 22, 23, 24, 25, 26, 27, 28, 29, 30
print(a1 + b10 + c5, a10 * c10)
local function f()
  return a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + b1 + b2 + b3 + b4 + b5 + c9 + c10
end
print(f())
-- too many locals / upvalues are compile errors
local parts = {}
for i = 1, 201 do parts[i] = "l" .. i end
local src = "local " .. table.concat(parts, ", ")
print(loadstring(src))
local ups = {}
for i = 1, 61 do ups[i] = "local u" .. i .. " = " .. i end
local body = {}
for i = 1, 61 do body[i] = "u" .. i end
src = table.concat(ups, "\n") .. "\nreturn function() return " .. table.concat(body, "+") .. " end"
print(loadstring(src))
