local z = 0
local nan = z / z
local inf = 1 / z
print(nan ~= nan, nan == nan, inf == inf, -inf < inf)
print(nan < 1, nan > 1, nan <= nan, nan >= nan)
print(inf, -inf, inf - inf ~= inf - inf)
print(math.huge == inf, -math.huge == -inf)
print(math.floor(inf), math.ceil(-inf))
print(string.format("%.3f %e", inf, -inf))
print(tostring(inf), tostring(-inf))
print(pcall(function() local t = {}; t[nan] = 1 end))
print(rawget({}, nan))
local t = {}
print(t[nan])
print(inf > 1e308, -inf < -1e308)
