-- the math library
print(math.pi, math.huge, -math.huge, math.huge > 1e308)
print(math.abs(-3), math.abs(3.5), math.abs(-0.0), math.abs(-math.huge))
print(math.floor(3.7), math.floor(-3.7), math.floor(5), math.ceil(3.2), math.ceil(-3.2), math.ceil(5))
print(math.sqrt(16), math.sqrt(2), math.sqrt(-1) ~= math.sqrt(-1))
print(math.sin(0), math.sin(math.pi / 2), math.cos(0), math.cos(math.pi), math.tan(math.pi / 4))
print(math.asin(1), math.acos(0), math.atan(1), math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1))
print(math.sinh(1), math.cosh(1), math.tanh(1))
print(math.exp(0), math.exp(1), math.log(1), math.log(math.exp(2)), math.log10(100), math.log10(2))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-2, 3), math.pow(0, 0))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(5.5, 2), math.mod(10, 4))
print(math.modf(3.7)) print(math.modf(-3.7)) print(math.modf(5)) print(math.modf(-0.25))
print(math.frexp(8)) print(math.frexp(0)) print(math.frexp(-0.375)) print(math.frexp(1e-300))
print(math.ldexp(1, 10), math.ldexp(0.75, -2), math.ldexp(3, 0))
print(math.deg(math.pi), math.deg(1), math.rad(180), math.rad(1))
print(math.min(3, 1, 2), math.max(3, 1, 2), math.min(5), math.max(-1, -5), math.min(1.5, "0.5"), math.max("10", 9))
print(math.floor("2.5"), math.sqrt("9"), math.abs(" -4 "))
-- errors
print(pcall(math.floor))
print(pcall(math.floor, "x"))
print(pcall(math.max))
print(pcall(math.min, 1, nil))
print(pcall(math.pow, 2))
print(pcall(math.ldexp, 1, "a"))
print(pcall(function() return math.sqrt({}) end))
print(pcall(function() return math.atan2(1) end))
-- random: a fixed seed gives a fixed sequence on the same C library
math.randomseed(42)
local r = {}
for i = 1, 5 do r[i] = math.random(100) end
print(table.concat(r, " "))
for i = 1, 5 do r[i] = math.random(-10, 10) end
print(table.concat(r, " "))
for i = 1, 3 do r[i] = string.format("%.6f", math.random()) end
print(r[1], r[2], r[3])
math.randomseed(42)
print(math.random(100))
local okr = true
for i = 1, 1000 do local v = math.random(3, 7); if v < 3 or v > 7 or v ~= math.floor(v) then okr = false end end
for i = 1, 1000 do local v = math.random(); if v < 0 or v >= 1 then okr = false end end
for i = 1, 100 do local v = math.random(1); if v ~= 1 then okr = false end end
print(okr)
print(pcall(math.random, 0))
print(pcall(math.random, 5, 4))
print(pcall(math.random, 1, 2, 3))
print(pcall(math.random, "x"))
print(pcall(math.randomseed))
print(math.random(5, 5), math.random(-3, -3))
