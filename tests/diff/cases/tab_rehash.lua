-- grow/shrink the array and hash parts in various patterns
local t = {}
for i = 1, 1000 do t[i] = i end
for i = 1, 1000, 2 do t[i] = nil end
local c = 0
for k, v in pairs(t) do c = c + 1 end
print(c)
local h = {}
for i = 1, 1000 do h["k" .. i] = i end
for i = 1, 1000 do if i % 3 ~= 0 then h["k" .. i] = nil end end
c = 0
local s = 0
for k, v in pairs(h) do c = c + 1; s = s + v end
print(c, s)
local r = {}
for i = 1000, 1, -1 do r[i] = i end
print(#r, r[1], r[1000])
local neg = {}
for i = -10, 10 do neg[i] = i end
s = 0
for k, v in pairs(neg) do s = s + v end
print(s, neg[-10], neg[0])
local fl = {}
for i = 1, 100 do fl[i + 0.5] = i end
s = 0
for k, v in pairs(fl) do s = s + k end
print(s)
-- reuse after deleting everything
for k in pairs(h) do h[k] = nil end
h.x = 1
print(next(h))
