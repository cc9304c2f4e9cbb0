-- mqtt.lua -- MQTT 3.1.1 packet encoding and decoding (the client side of a device):
-- CONNECT, PUBLISH (QoS 0/1), PUBACK, SUBSCRIBE, PINGREQ, DISCONNECT out; CONNACK, PUBLISH,
-- PUBACK, SUBACK, PINGRESP in. Packets are Lua strings; a Parser splits a byte stream.
local mqtt = {}

local char, byte, sub, concat, floor = string.char, string.byte, string.sub, table.concat, math.floor

mqtt.CONNECT, mqtt.CONNACK, mqtt.PUBLISH, mqtt.PUBACK = 1, 2, 3, 4
mqtt.SUBSCRIBE, mqtt.SUBACK, mqtt.PINGREQ, mqtt.PINGRESP, mqtt.DISCONNECT = 8, 9, 12, 13, 14

local names = {
  [1] = "CONNECT", [2] = "CONNACK", [3] = "PUBLISH", [4] = "PUBACK", [8] = "SUBSCRIBE",
  [9] = "SUBACK", [12] = "PINGREQ", [13] = "PINGRESP", [14] = "DISCONNECT",
}
mqtt.names = names

local connack_reasons = {
  [0] = "accepted", "unacceptable protocol version", "identifier rejected",
  "server unavailable", "bad user name or password", "not authorized",
}

local function u16(n)
  return char(floor(n / 256) % 256, n % 256)
end

local function str(s)
  return u16(#s) .. s
end

-- the "remaining length" variable-length integer: 7 bits per byte, high bit = more
local function varlen(n)
  if n > 268435455 then error("MQTT packet too large", 2) end
  local out = {}
  repeat
    local d = n % 128
    n = floor(n / 128)
    if n > 0 then d = d + 128 end
    out[#out + 1] = char(d)
  until n == 0
  return concat(out)
end

local function packet(ptype, flags, body)
  return char(ptype * 16 + flags) .. varlen(#body) .. body
end

function mqtt.connect(opts)
  local flags = 2 -- clean session
  local payload = { str(opts.client_id or "") }
  if opts.will_topic then
    flags = flags + 4 + (opts.will_qos or 0) * 8 + (opts.will_retain and 32 or 0)
    payload[#payload + 1] = str(opts.will_topic)
    payload[#payload + 1] = str(opts.will_message or "")
  end
  if opts.username then
    flags = flags + 128
    payload[#payload + 1] = str(opts.username)
    if opts.password then
      flags = flags + 64
      payload[#payload + 1] = str(opts.password)
    end
  end
  local header = str("MQTT") .. char(4) .. char(flags) .. u16(opts.keepalive or 60)
  return packet(mqtt.CONNECT, 0, header .. concat(payload))
end

function mqtt.publish(topic, message, qos, packet_id, retain)
  qos = qos or 0
  if qos > 0 and not packet_id then error("QoS > 0 needs a packet identifier", 2) end
  local flags = qos * 2 + (retain and 1 or 0)
  local body = str(topic) .. (qos > 0 and u16(packet_id) or "") .. message
  return packet(mqtt.PUBLISH, flags, body)
end

function mqtt.puback(packet_id)
  return packet(mqtt.PUBACK, 0, u16(packet_id))
end

function mqtt.subscribe(packet_id, topics)
  local body = { u16(packet_id) }
  for _, t in ipairs(topics) do
    body[#body + 1] = str(t.topic) .. char(t.qos or 0)
  end
  return packet(mqtt.SUBSCRIBE, 2, concat(body))
end

function mqtt.pingreq() return packet(mqtt.PINGREQ, 0, "") end
function mqtt.disconnect() return packet(mqtt.DISCONNECT, 0, "") end

-- ---------------------------------------------------------------- decoding

local function read_u16(s, i)
  local a, b = byte(s, i, i + 1)
  if not b then return nil end
  return a * 256 + b, i + 2
end

local decoders = {}

decoders[mqtt.CONNACK] = function(flags, body)
  if #body ~= 2 then return nil, "bad CONNACK length" end
  local sp, rc = byte(body, 1, 2)
  return { type = "CONNACK", session_present = sp % 2 == 1, rc = rc,
           reason = connack_reasons[rc] or ("reserved code " .. rc) }
end

decoders[mqtt.PUBLISH] = function(flags, body)
  local qos = floor(flags / 2) % 4
  if qos == 3 then return nil, "bad QoS 3" end
  local tlen, i = read_u16(body, 1)
  if not tlen or i + tlen - 1 > #body then return nil, "truncated topic" end
  local p = { type = "PUBLISH", qos = qos, retain = flags % 2 == 1, dup = flags >= 8,
              topic = sub(body, i, i + tlen - 1) }
  i = i + tlen
  if qos > 0 then
    p.packet_id, i = read_u16(body, i)
    if not p.packet_id then return nil, "truncated packet identifier" end
  end
  p.message = sub(body, i)
  return p
end

decoders[mqtt.PUBACK] = function(flags, body)
  local id = read_u16(body, 1)
  if not id or #body ~= 2 then return nil, "bad PUBACK" end
  return { type = "PUBACK", packet_id = id }
end

decoders[mqtt.SUBACK] = function(flags, body)
  local id, i = read_u16(body, 1)
  if not id then return nil, "bad SUBACK" end
  local codes = {}
  for j = i, #body do codes[#codes + 1] = byte(body, j) end
  return { type = "SUBACK", packet_id = id, granted = codes }
end

decoders[mqtt.PINGRESP] = function(flags, body)
  return { type = "PINGRESP" }
end

-- A Parser accumulates bytes (parser:feed(data)) and returns complete packets.
local Parser = {}
Parser.__index = Parser

function mqtt.parser()
  return setmetatable({ buf = "" }, Parser)
end

function Parser:feed(data)
  self.buf = self.buf .. data
  local out = {}
  while true do
    local buf = self.buf
    if #buf < 2 then break end
    local mult, len, i = 1, 0, 2
    local complete = false
    repeat
      local d = byte(buf, i)
      if not d then break end
      len = len + (d % 128) * mult
      mult = mult * 128
      i = i + 1
      if d < 128 then complete = true end
      if mult > 2097152 * 128 then return nil, "bad remaining length" end
    until complete
    if not complete or #buf < i - 1 + len then break end
    local h = byte(buf, 1)
    local ptype, flags = floor(h / 16), h % 16
    local body = sub(buf, i, i + len - 1)
    self.buf = sub(buf, i + len)
    local dec = decoders[ptype]
    if not dec then return nil, "unexpected packet type " .. (names[ptype] or ptype) end
    local p, err = dec(flags, body)
    if not p then return nil, err end
    out[#out + 1] = p
  end
  return out
end

-- hex dump of a packet, for logs
function mqtt.hex(s)
  return (s:gsub(".", function(c) return string.format("%02x", byte(c)) end))
end

-- topic filter matching with + and # wildcards
function mqtt.match(filter, topic)
  local fi, ti = 1, 1
  local fparts, tparts = {}, {}
  for p in (filter .. "/"):gmatch("([^/]*)/") do fparts[#fparts + 1] = p end
  for p in (topic .. "/"):gmatch("([^/]*)/") do tparts[#tparts + 1] = p end
  while fi <= #fparts do
    local f = fparts[fi]
    if f == "#" then return true end
    if ti > #tparts then return false end
    if f ~= "+" and f ~= tparts[ti] then return false end
    fi, ti = fi + 1, ti + 1
  end
  return ti > #tparts
end

return mqtt
