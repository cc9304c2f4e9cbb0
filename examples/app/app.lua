-- app.lua -- the example device application: an environmental monitor that reads sensors,
-- publishes MQTT reports, serves a configuration page and logs what it does. Time is
-- simulated by the scheduler, so the output is the same on every run and every Lua.
--   flashlua app.lua                         (modules from files)
--   flashlua --flash dev.flash app.lua       (modules from the flash store, see README.md)
local json = require "json"
local base64 = require "base64"
local mqtt = require "mqtt"
local httpd = require "httpd"
local sched = require "sched"
local config = require "config"
local logger = require "logger"
local sensors = require "sensors"
local fsm = require "fsm"
local template = require "template"

local log = logger.new(12, "INFO", sched.time)

-- ---------------------------------------------------------------- configuration
local cfg_text = [[
; device configuration
[device]
name = "greenhouse-3"
report_ms = 2000
debug = off

[mqtt]
broker = mqtt.local
port = 1883
topic = site/greenhouse/3
qos = 1
keepalive = 30

[alarms]
temperature_high = 28.5
temperature_low = 27.0
colour = purple
]]

local schema = {
  device = { name = { type = "string", default = "device" },
             report_ms = { type = "integer", default = 5000, min = 500, max = 60000 },
             debug = { type = "boolean", default = false } },
  mqtt = { broker = { type = "string", default = "localhost" },
           port = { type = "integer", default = 1883, min = 1, max = 65535 },
           topic = { type = "string", default = "devices" },
           qos = { type = "integer", default = 0, choices = { 0, 1 } },
           keepalive = { type = "integer", default = 60 } },
  alarms = { temperature_high = { type = "number", default = 30 },
             temperature_low = { type = "number", default = 29 } },
}

local raw, err = config.parse(cfg_text)
assert(raw, err)
local cfg, problems = config.apply(raw, schema)
for _, p in ipairs(problems) do log:warn("config: %s", p) end
log:info("device %s, report every %d ms", cfg.device.name, cfg.device.report_ms)

-- ---------------------------------------------------------------- sensors
local rng = sensors.rng(42)
local tick = 0
local bank = sensors.bank({
  sensors.channel { name = "temperature", unit = "C", decimals = 1, window = 4,
    cal = { 0, -10, 1023, 50 }, high = cfg.alarms.temperature_high, low = cfg.alarms.temperature_low,
    raw = function() tick = tick + 1; return 560 + 180 * math.sin(tick / 3) + rng:uniform(-8, 8) end },
  sensors.channel { name = "humidity", unit = "%", decimals = 0, window = 3,
    raw = function() return 55 + rng:uniform(-5, 5) end },
  sensors.channel { name = "light", unit = "lx", decimals = 0, window = 2,
    cal = { 0, 0, 4095, 20000 }, raw = function() return 1800 + rng:uniform(-300, 300) end },
})

-- ---------------------------------------------------------------- connection manager
local conn = { attempts = 0, out = {}, packet_id = 0 }
local link = fsm.new({
  initial = "offline",
  states = {
    offline = {},
    connecting = { enter = function(c) c.attempts = c.attempts + 1 end },
    online = { enter = function(c) c.attempts = 0 end },
    backoff = {},
  },
  transitions = {
    { from = "offline", event = "start", to = "connecting" },
    { from = "connecting", event = "connack", to = "online" },
    { from = "connecting", event = "fail", to = "backoff" },
    { from = "backoff", event = "retry", to = "connecting", guard = function(c) return c.attempts < 5 end },
    { from = "backoff", event = "retry", to = "offline" },
    { from = "*", event = "lost", to = "backoff" },
  },
}, conn)

local function send(pkt)
  conn.out[#conn.out + 1] = pkt
end

-- a broker stand-in: answers CONNECT and QoS 1 PUBLISH, fails the first connection
local broker_connects = 0
local function broker(pkt)
  local ptype = math.floor(pkt:byte(1) / 16)
  if ptype == mqtt.CONNECT then
    broker_connects = broker_connects + 1
    return broker_connects == 1 and "\32\2\0\3" or "\32\2\0\0"
  elseif ptype == mqtt.PUBLISH and pkt:byte(1) % 8 >= 2 then
    -- echo a PUBACK with the packet id that follows the topic
    local tlen = pkt:byte(3) * 256 + pkt:byte(4)
    return mqtt.puback(pkt:byte(5 + tlen) * 256 + pkt:byte(6 + tlen))
  elseif ptype == mqtt.PINGREQ then
    return "\208\0"
  end
  return ""
end

local parser = mqtt.parser()
local stats = { published = 0, acked = 0, reports = {} }

local function deliver_all()
  while #conn.out > 0 do
    local pkt = table.remove(conn.out, 1)
    local answer = broker(pkt)
    local packets, perr = parser:feed(answer)
    assert(packets, perr)
    for _, p in ipairs(packets) do
      if p.type == "CONNACK" then
        if p.rc == 0 then link:fire("connack") else
          log:warn("broker refused: %s", p.reason)
          link:fire("fail")
        end
      elseif p.type == "PUBACK" then
        stats.acked = stats.acked + 1
      end
      sched.signal(p.type, p)
    end
  end
end

sched.spawn("mqtt", function()
  while true do
    if link.state == "offline" or link.state == "backoff" then
      if link.state == "backoff" then sched.sleep(500 * 2 ^ conn.attempts); link:fire("retry") else link:fire("start") end
      if link.state == "connecting" then
        send(mqtt.connect { client_id = cfg.device.name, keepalive = cfg.mqtt.keepalive,
                            will_topic = cfg.mqtt.topic .. "/status", will_message = "offline" })
        deliver_all()
        log:info("link %s after %d attempt(s)", link.state, conn.attempts)
      end
    else
      sched.sleep(cfg.mqtt.keepalive * 1000)
      send(mqtt.pingreq())
      deliver_all()
    end
  end
end)

sched.spawn("sampler", function()
  for i = 1, 12 do
    local values = bank:sample(sched.time())
    if i % 3 == 0 then log:debug("sample %d: %s", i, json.encode(values)) end
    sched.signal("sample", values)
    sched.sleep(cfg.device.report_ms / 2)
  end
end)

sched.spawn("reporter", function()
  local seq = 0
  while true do
    local values = sched.wait("sample", 10000)
    if not values then break end
    seq = seq + 1
    if seq % 2 == 0 and link.state == "online" then
      conn.packet_id = conn.packet_id % 65535 + 1
      local body = json.encode({ device = cfg.device.name, seq = seq / 2, t = sched.time(),
                                 values = values })
      stats.reports[#stats.reports + 1] = body
      send(mqtt.publish(cfg.mqtt.topic, body, cfg.mqtt.qos, conn.packet_id))
      stats.published = stats.published + 1
      deliver_all()
    end
  end
  log:info("reporter done after %d samples", seq)
end)

sched.run(40000)
for _, e in ipairs(sched.errors()) do print("task error: " .. e) end

-- ---------------------------------------------------------------- the web page
local page = [[
<html><head><title>{{ name }}</title></head><body>
<h1>{{ name }} &mdash; {{ state }}</h1>
<table>{% for _, r in ipairs(reports) do %}
<tr><td>{{ r.name }}</td><td>{{ r.value }} {{ r.unit }}</td><td>{% if r.alarm then %}ALARM{% else %}ok{% end %}</td></tr>{% end %}
</table>
<p>note: {{ note }} raw: {{{ raw }}}</p>
</body></html>]]

local router = httpd.router()
router:add("GET", "/", function(req)
  return 200, template.render(page, { name = cfg.device.name, state = link.state,
    reports = bank:reports(), note = req.query.note or "-", raw = "<b>bold</b>" }, "page")
end)
router:add("GET", "/api/sensors", function()
  return 200, json.encode(bank:reports()), { ["Content-Type"] = "application/json" }
end)
router:add("POST", "/api/config/(%w+)", function(req, section)
  local body = json.decode(req.body)
  local changed = {}
  for k, v in pairs(body) do
    if schema[section] and schema[section][k] then cfg[section][k] = v; changed[#changed + 1] = k end
  end
  table.sort(changed)
  return 200, json.encode({ section = section, changed = changed })
end)
router:add("GET", "/boom", function() error("handler failed") end)

local requests = {
  "GET /?note=hello%20%3Cworld%3E HTTP/1.1\r\nHost: dev\r\n\r\n",
  "GET /api/sensors HTTP/1.1\r\nHost: dev\r\n\r\n",
  'POST /api/config/device HTTP/1.1\r\nContent-Length: 34\r\n\r\n{"report_ms": 1000, "bogus": true}',
  "DELETE /api/sensors HTTP/1.1\r\n\r\n",
  "GET /missing HTTP/1.1\r\n\r\n",
  "GET /boom HTTP/1.1\r\n\r\n",
  "garbage\r\n\r\n",
}
for i, r in ipairs(requests) do
  local resp = router:dispatch(r)
  local status = resp:match("^HTTP/1.1 (%d+ [^\r]*)")
  local body = resp:match("\r\n\r\n(.*)$")
  print(string.format("request %d: %s, %d body bytes", i, status, #body))
  if i <= 3 then print(body) end
end

-- ---------------------------------------------------------------- summary
print("link: " .. link:trace())
print(string.format("published %d, acked %d, time %d ms", stats.published, stats.acked, sched.time()))
print("last report: " .. (stats.reports[#stats.reports] or "none"))
print("decoded: " .. json.encode(json.decode(stats.reports[1]), "  "))
for _, e in ipairs(bank:events()) do print("event " .. e) end
local token = base64.encode(cfg.device.name .. ":" .. cfg.mqtt.broker)
print("token " .. token .. " -> " .. assert(base64.decode(token)))
print("match", mqtt.match("site/+/3", cfg.mqtt.topic), mqtt.match("site/#", "other/x"))
local ok, e = pcall(json.decode, '{"a": [1, 2,, 3]}')
print("bad json: " .. tostring(e))
print("log:")
log:dump()
