local function r(x) return string.format("%.10f", x) end
print(r(math.sin(0)), r(math.sin(math.pi / 2)), r(math.cos(0)), r(math.cos(math.pi)))
print(r(math.tan(math.pi / 4)), r(math.asin(1)), r(math.acos(0)), r(math.atan(1)))
print(r(math.atan2(1, 1)), r(math.atan2(-1, -1)), r(math.atan2(0, -1)), r(math.atan2(1, 0)))
print(r(math.sinh(1)), r(math.cosh(1)), r(math.tanh(1)))
print(math.sin(0), math.cos(0), math.atan2(0, 1))
print(math.sin(1), math.cos(1), math.tan(1))
print(math.asin(0.5), math.acos(0.5), math.atan(0.5))
