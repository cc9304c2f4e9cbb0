-- collections with patched library tables reachable from weak tables (keys and values), as
-- metatables and __index of RAM tables, and as upvalues; the patches hold RAM objects
local names = {"string", "table", "math", "os", "io", "debug", "coroutine", "package"}
local wk, wv = setmetatable({}, {__mode = "k"}), setmetatable({}, {__mode = "v"})
local holders, fns = {}, {}
for i, name in ipairs(names) do
  local lib = _G[name]
  wk[lib] = name
  wv[name] = lib
  lib.gcfield = {name, tostring(i)}
  holders[i] = setmetatable({}, {__index = lib})
  fns[i] = function() return lib.gcfield[1] end
end
for round = 1, 3 do
  local junk = {}
  for j = 1, 100 do junk[j] = {j, tostring(j)} end
  collectgarbage("step", 50)
  junk = nil
  collectgarbage()
end
local nk, nv = 0, 0
for k in pairs(wk) do nk = nk + 1 end
for k in pairs(wv) do nv = nv + 1 end
print(nk, nv)
for i, name in ipairs(names) do
  io.write(name, " ", holders[i].gcfield[1], " ", fns[i](), " ", _G[name].gcfield[2], " ",
           tostring(wk[_G[name]] == name), "\n")
  _G[name].gcfield = nil
end
collectgarbage()
print(string.gcfield, holders[1].gcfield, pcall(fns[1]))
