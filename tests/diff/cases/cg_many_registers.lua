-- an expression that needs many temporaries
local function f(...) return select("#", ...) end
print(f(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
        21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40))
local a = 1
print(a + (a + (a + (a + (a + (a + (a + (a + (a + (a + (a + (a + a))))))))))))
print(((((((((((a * 2) * 2) * 2) * 2) * 2) * 2) * 2) * 2) * 2) * 2))
local function g(x) return x + 1 end
print(g(g(g(g(g(g(g(g(g(g(0)))))))))))
local parts = {}
for i = 1, 200 do parts[i] = "a" .. i end
local src = "local " .. table.concat(parts, ",", 1, 150) .. " = " ..
  table.concat((function() local r = {} for i = 1, 150 do r[i] = tostring(i) end return r end)(), ",") ..
  "\nreturn a1 + a150 + a75"
print(assert(loadstring(src))())
