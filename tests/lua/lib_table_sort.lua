-- table.sort: results, ties, comparators and errors
local function show(t) local r = {} for i = 1, #t do r[i] = tostring(t[i]) end return table.concat(r, " ") end
local t = {5, 3, 8, 1, 9, 2, 7, 4, 6, 0}
table.sort(t) print(show(t))
table.sort(t, function(a, b) return a > b end) print(show(t))
t = {"pear", "apple", "fig", "banana", "cherry"}
table.sort(t) print(show(t))
table.sort(t, function(a, b) return #a < #b end) print(show(t))
t = {} table.sort(t) print(#t)
t = {1} table.sort(t) print(show(t))
t = {2, 1} table.sort(t) print(show(t))
t = {3, 1, 2} table.sort(t) print(show(t))
-- ties: records with equal keys keep the order that lua5.1's algorithm gives
local recs = {}
for i = 1, 40 do recs[i] = {k = (i * 7) % 5, id = i} end
table.sort(recs, function(a, b) return a.k < b.k end)
local out = {}
for i, r in ipairs(recs) do out[i] = r.k .. ":" .. r.id end
print(table.concat(out, " "))
-- a larger pseudo-random array (a LCG, so the data are the same everywhere)
local seed = 12345
local function rnd() seed = (seed * 1103515245 + 12345) % 2147483648; return seed end
local arr = {}
for i = 1, 500 do arr[i] = rnd() % 100 end
local pos = {}
for i = 1, 500 do pos[i] = {v = arr[i], i = i} end
table.sort(pos, function(a, b) return a.v < b.v end)
local ok = true
for i = 2, 500 do if pos[i - 1].v > pos[i].v then ok = false end end
local ids = {}
for i = 1, 500, 25 do ids[#ids + 1] = pos[i].i end
print(ok, table.concat(ids, ","))
table.sort(arr)
print(arr[1], arr[250], arr[500])
-- errors
print(pcall(table.sort, {3, 1, "x"}))
print(pcall(table.sort, {3, 1, {}}))
print(pcall(table.sort, {{}, {}}))
print(pcall(table.sort, {1, 2, 3}, 1))
print(pcall(table.sort))
print(pcall(table.sort, {5, 4, 3, 2, 1, 0, -1, -2, -3, -4, -5, -6}, function(a, b) return true end))
print(pcall(table.sort, {1, 2, 3}, function(a, b) error("cmp failed") end))
-- a non-strict comparator (<=) on data with duplicates: lua5.1 either errors or not
local d = {}
for i = 1, 30 do d[i] = i % 3 end
print(pcall(table.sort, d, function(a, b) return a <= b end))
print(show(d))
-- nil holes: comparisons with nil
print(pcall(table.sort, {1, nil, 3}))
-- sort with __lt metamethod
local mt = {__lt = function(a, b) return a.v < b.v end}
local objs = {}
for i, v in ipairs({4, 2, 9, 1}) do objs[i] = setmetatable({v = v}, mt) end
table.sort(objs)
for i, o in ipairs(objs) do io.write(o.v, " ") end print()
