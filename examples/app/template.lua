-- template.lua -- a tiny template engine for the device's web pages:
--   {{ expr }}  inserts an escaped value      {{{ expr }}}  inserts it raw
--   {% code %}  Lua statements (loops, ifs)
-- Templates compile once into Lua functions (loadstring) and are cached.
local template = {}

local cache = {}

local html_escapes = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;" }
function template.escape(v)
  return (tostring(v):gsub("[&<>\"']", html_escapes))
end

local function compile(src, name)
  local code = { "local _out, _esc = {}, ...\n" }
  local pos = 1
  while true do
    local s, e, kind, body = src:find("{([{%%])(.-)[}%%]}", pos)
    if not s then break end
    if s > pos then code[#code + 1] = string.format("_out[#_out+1] = %q\n", src:sub(pos, s - 1)) end
    if kind == "%" then
      code[#code + 1] = body .. "\n"
    elseif body:sub(1, 1) == "{" then
      code[#code + 1] = "_out[#_out+1] = tostring(" .. body:sub(2) .. ")\n"
      e = e + 1
    else
      code[#code + 1] = "_out[#_out+1] = _esc(" .. body .. ")\n"
    end
    pos = e + 1
  end
  if pos <= #src then code[#code + 1] = string.format("_out[#_out+1] = %q\n", src:sub(pos)) end
  code[#code + 1] = "return table.concat(_out)\n"
  local fn, err = loadstring(table.concat(code), "=" .. (name or "template"))
  if not fn then error("template " .. (name or "?") .. ": " .. err, 2) end
  return fn
end

function template.render(src, env, name)
  local fn = cache[src]
  if not fn then
    fn = compile(src, name)
    cache[src] = fn
  end
  setfenv(fn, setmetatable(env or {}, { __index = _G }))
  return fn(template.escape)
end

return template
