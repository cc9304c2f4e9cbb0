-- unreferenced suspended coroutines are collected without running
local log = {}
local function make()
  local co = coroutine.create(function()
    local p = newproxy(true)
    getmetatable(p).__gc = function() log[#log + 1] = "proxy collected" end
    coroutine.yield(1)
    log[#log + 1] = "never resumed"
  end)
  coroutine.resume(co)
end
make()
collectgarbage()
collectgarbage()
print(table.concat(log, ","))
local many = {}
for i = 1, 1000 do
  local co = coroutine.wrap(function(x) coroutine.yield(x * 2) end)
  many[#many + 1] = co(i)
end
print(#many, many[1000])
