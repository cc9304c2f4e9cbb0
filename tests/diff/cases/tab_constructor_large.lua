-- more than one flush of list items
local t = {1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,
26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,
51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,
76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100,101}
print(#t, t[50], t[51], t[101])
local s = 0
for i = 1, #t do s = s + t[i] end
print(s)
local function va(...) return {...} end
local big = va(unpack(t))
print(#big, big[101])
local function gen(n) local r = {} for i = 1, n do r[i] = i end return unpack(r) end
local u = {0, gen(120)}
print(#u, u[121])
-- a constructor built with loadstring holding many items
local items = {}
for i = 1, 600 do items[i] = tostring(i) end
local f = loadstring("return {" .. table.concat(items, ",") .. "}")
local big2 = f()
print(#big2, big2[600])
local items2 = {}
for i = 1, 300 do items2[i] = "k" .. i .. "=" .. i end
local hb = loadstring("return {" .. table.concat(items2, ",") .. "}")()
print(hb.k1, hb.k300)
