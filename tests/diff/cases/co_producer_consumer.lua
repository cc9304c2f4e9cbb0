local function producer()
  return coroutine.create(function()
    for _, item in ipairs({"a", "b", "c", "d"}) do coroutine.yield(item) end
  end)
end
local function filter(src)
  return coroutine.create(function()
    while true do
      local ok, item = coroutine.resume(src)
      if not item then break end
      coroutine.yield(item:upper() .. item)
    end
  end)
end
local f = filter(producer())
local out = {}
while true do
  local ok, item = coroutine.resume(f)
  if not item then break end
  out[#out + 1] = item
end
print(table.concat(out, ","))
