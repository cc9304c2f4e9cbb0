-- recursion that goes through C functions hits the C stack limit; print only
-- whether the message mentions a stack overflow, then check the state recovered
local function has(msg) return type(msg) == "string" and msg:find("stack overflow") ~= nil end
local function viapcall(n) local ok, e = pcall(viapcall, n + 1) if not ok then error(e, 0) end return e end
local ok, e = pcall(viapcall, 1)
print("pcall chain", ok, has(e))
local mt = {}
mt.__index = function(t, k) return setmetatable({}, mt)[k] end
ok, e = pcall(function() return setmetatable({}, mt).x end)
print("__index chain", ok, has(e))
local function viaresume()
  local co = coroutine.create(viaresume)
  local ok2, e2 = coroutine.resume(co)
  if not ok2 then error(e2, 0) end
  return e2
end
ok, e = pcall(viaresume)
print("resume chain", ok, has(e))
local function viagsub(s) return (s:gsub(".", viagsub)) end
ok, e = pcall(viagsub, "x")
print("gsub chain", ok, has(e))
local ts = {}
setmetatable(ts, {__tostring = function(self) return "<" .. tostring(self) .. ">" end})
ok, e = pcall(tostring, ts)
print("__tostring chain", ok, has(e))
print("recovered", pcall(function() return 1 + 1 end))
