print(_VERSION)
local names = {}
for k, v in pairs(_G) do names[#names + 1] = k end
table.sort(names)
local want = {"_G", "_VERSION", "assert", "collectgarbage", "coroutine", "dofile", "error",
  "gcinfo", "getfenv", "getmetatable", "ipairs", "load", "loadfile", "loadstring", "math",
  "module", "newproxy", "next", "pairs", "pcall", "print", "rawequal", "rawget", "rawset",
  "require", "select", "setfenv", "setmetatable", "string", "table", "tonumber", "tostring",
  "type", "unpack", "xpcall", "package", "io", "os", "debug"}
local have = {}
for _, n in ipairs(names) do have[n] = true end
for _, n in ipairs(want) do if not have[n] then print("missing", n) end end
print("checked", #want)
local fns = {}
for _, lib in ipairs({"string", "table", "math", "coroutine"}) do
  local l = {}
  for k in pairs(_G[lib]) do l[#l + 1] = k end
  table.sort(l)
  print(lib, table.concat(l, " "))
end
