-- flashlua demo: a little of everything the core does.
print(_VERSION .. " on flashlua")

local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end
print("fib(25) = " .. fib(25))

local words = {}
for w in ("the quick brown fox jumps over the lazy dog"):gmatch("%a+") do
  words[#words + 1] = w
end
table.sort(words)
print("sorted: " .. table.concat(words, " "))

local Point = {}
Point.__index = Point
Point.__add = function(a, b) return setmetatable({x = a.x + b.x, y = a.y + b.y}, Point) end
Point.__tostring = function(p) return string.format("(%g, %g)", p.x, p.y) end
local p = setmetatable({x = 1, y = 2}, Point) + setmetatable({x = 3.5, y = -1}, Point)
print("point sum: " .. tostring(p))

local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i * i) end end)
print("squares: " .. gen() .. " " .. gen() .. " " .. gen())

print("pcall: ", pcall(function() local t = nil; return t.x end))
print(string.format("memory in use: %.1f KB", collectgarbage("count")))
