local t = {}
t.self = t
t[t] = "table as key of itself"
print(t.self.self.self == t, t[t], t.self[t.self])
local a, b = {}, {}
a.other = b; b.other = a
print(a.other.other == a)
local ring = {}
local cur = ring
for i = 1, 10 do cur.next = {v = i} cur = cur.next end
cur.next = ring.next
local s, node = 0, ring.next
for i = 1, 25 do s = s + node.v node = node.next end
print(s)
