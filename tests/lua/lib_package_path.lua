-- package.path / package.cpath from LUA_PATH / LUA_CPATH (";;" = the default path)
if arg and arg[1] == "child" then
  print("path:  " .. package.path)
  print("cpath: " .. package.cpath)
  return
end
local interp, script = arg and arg[-1], arg and arg[0]
if not interp or not script or not io.popen then print("skipped") return end
local cases = {
  "unset",
  "''",
  "'./?.lua'",
  "';;'",
  "'a/?.lua;;'",
  "';;b/?.lua'",
  "'a/?.lua;;b/?.lua;;c'",
  "';;;'",
  "'x;;;;y'",
}
for _, v in ipairs(cases) do
  local env = v == "unset" and "unset LUA_PATH LUA_CPATH;"
    or ("LUA_PATH=" .. v .. " LUA_CPATH=" .. v .. " ")
  local p = assert(io.popen("(" .. env .. interp .. " " .. script .. " child) 2>&1"))
  print(v)
  io.write(p:read("*a"))
  p:close()
end
print("done")
