-- how lua5.1 prints NaN on this host
local z = 0
print(z/z, -(z/z), math.sqrt(-1))
print(tostring(z/z), string.format("%f", z/z))
print(math.huge - math.huge, 0 * math.huge)
