-- httpd.lua -- a small HTTP/1.1 request parser, router and response builder for a device's
-- configuration page. Requests are complete strings (the network layer is elsewhere).
local httpd = {}

local format, concat, lower, upper = string.format, table.concat, string.lower, string.upper

local status_text = {
  [200] = "OK", [201] = "Created", [204] = "No Content", [301] = "Moved Permanently",
  [304] = "Not Modified", [400] = "Bad Request", [401] = "Unauthorized", [403] = "Forbidden",
  [404] = "Not Found", [405] = "Method Not Allowed", [413] = "Payload Too Large",
  [500] = "Internal Server Error", [503] = "Service Unavailable",
}

local function url_decode(s)
  s = s:gsub("+", " ")
  return (s:gsub("%%(%x%x)", function(h) return string.char(tonumber(h, 16)) end))
end
httpd.url_decode = url_decode

function httpd.url_encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return format("%%%02X", string.byte(c)) end))
end

local function parse_query(q)
  local args = {}
  for pair in q:gmatch("[^&]+") do
    local k, v = pair:match("^([^=]*)=?(.*)$")
    k, v = url_decode(k), url_decode(v)
    if args[k] == nil then args[k] = v
    elseif type(args[k]) == "table" then args[k][#args[k] + 1] = v
    else args[k] = { args[k], v } end
  end
  return args
end
httpd.parse_query = parse_query

-- httpd.parse(text) -> request table, or nil, status, message
function httpd.parse(text, max_body)
  local head, body = text:match("^(.-)\r?\n\r?\n(.*)$")
  if not head then return nil, 400, "incomplete header" end
  local lines = {}
  for line in (head .. "\n"):gmatch("(.-)\r?\n") do lines[#lines + 1] = line end
  local method, target, version = lines[1]:match("^(%u+) (%S+) HTTP/(%d%.%d)$")
  if not method then return nil, 400, "bad request line" end
  local req = { method = method, version = version, headers = {}, body = body }
  local path, query = target:match("^([^?]*)%??(.*)$")
  req.path = url_decode(path)
  req.query = parse_query(query)
  for i = 2, #lines do
    local name, value = lines[i]:match("^([%w%-]+):%s*(.-)%s*$")
    if not name then return nil, 400, "bad header line " .. i end
    req.headers[lower(name)] = value
  end
  local len = tonumber(req.headers["content-length"] or "0")
  if not len then return nil, 400, "bad content length" end
  if max_body and len > max_body then return nil, 413, "body too large" end
  if #body < len then return nil, 400, "short body" end
  req.body = body:sub(1, len)
  if (req.headers["content-type"] or ""):find("application/x-www-form-urlencoded", 1, true) then
    req.form = parse_query(req.body)
  end
  return req
end

-- responses
function httpd.response(status, body, headers)
  local out = { format("HTTP/1.1 %d %s", status, status_text[status] or "Unknown") }
  headers = headers or {}
  local names = {}
  for k in pairs(headers) do names[#names + 1] = k end
  table.sort(names)
  if body and not headers["Content-Type"] then out[#out + 1] = "Content-Type: text/html" end
  for _, k in ipairs(names) do out[#out + 1] = k .. ": " .. headers[k] end
  out[#out + 1] = "Content-Length: " .. (body and #body or 0)
  out[#out + 1] = "Connection: close"
  return concat(out, "\r\n") .. "\r\n\r\n" .. (body or "")
end

-- Router: routes are (method, pattern) -> handler(req, captures...) returning status, body, headers
local Router = {}
Router.__index = Router

function httpd.router()
  return setmetatable({ routes = {} }, Router)
end

function Router:add(method, pattern, handler)
  self.routes[#self.routes + 1] = { method = upper(method), pattern = "^" .. pattern .. "$", handler = handler }
  return self
end

function Router:dispatch(text)
  local req, status, msg = httpd.parse(text, 4096)
  if not req then return httpd.response(status, "<h1>" .. msg .. "</h1>") end
  local allowed = {}
  for _, r in ipairs(self.routes) do
    local caps = { req.path:match(r.pattern) }
    if caps[1] then
      if r.method == req.method or (r.method == "GET" and req.method == "HEAD") then
        local ok, st, body, headers = pcall(r.handler, req, unpack(caps))
        if not ok then return httpd.response(500, "<pre>" .. tostring(st) .. "</pre>") end
        if req.method == "HEAD" then body = nil end
        return httpd.response(st or 200, body, headers)
      end
      allowed[#allowed + 1] = r.method
    end
  end
  if #allowed > 0 then
    return httpd.response(405, nil, { Allow = concat(allowed, ", ") })
  end
  return httpd.response(404, "<h1>not found: " .. req.path .. "</h1>")
end

return httpd
