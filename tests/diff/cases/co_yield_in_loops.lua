local function range(n, step)
  return coroutine.wrap(function()
    for i = 1, n, step do coroutine.yield(i) end
  end)
end
local out = {}
for i in range(20, 3) do out[#out + 1] = i end
print(table.concat(out, " "))
local function tree_iter(t)
  return coroutine.wrap(function()
    local function walk(node)
      if type(node) == "table" then for _, c in ipairs(node) do walk(c) end
      else coroutine.yield(node) end
    end
    walk(t)
  end)
end
out = {}
for leaf in tree_iter({1, {2, {3, 4}}, {{5}}, 6}) do out[#out + 1] = leaf end
print(table.concat(out, " "))
local co = coroutine.create(function()
  local i = 0
  while true do
    i = i + 1
    local cmd = coroutine.yield(i)
    if cmd == "stop" then return "stopped at " .. i end
  end
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "go"))
print(coroutine.resume(co, "go"))
print(coroutine.resume(co, "stop"))
