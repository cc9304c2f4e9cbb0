-- sensors.lua -- sensor channels for a device: raw readings from (simulated) drivers go through
-- calibration (two-point linear), a moving-average filter and hysteresis thresholds that raise
-- alarms. A deterministic pseudo-random source stands in for the hardware.
local sensors = {}

-- Park-Miller minimal standard generator: deterministic across Lua builds with double numbers
local Rng = {}
Rng.__index = Rng
function sensors.rng(seed)
  return setmetatable({ state = seed or 1 }, Rng)
end
function Rng:next()
  self.state = (self.state * 16807) % 2147483647
  return self.state
end
function Rng:uniform(lo, hi)
  return lo + (hi - lo) * (self:next() % 10000) / 10000
end

local Channel = {}
Channel.__index = Channel

-- spec: { name, unit, raw = function() ... end, cal = { raw1, value1, raw2, value2 },
--         window = n, high = x, low = y (hysteresis), decimals = d }
function sensors.channel(spec)
  local c = setmetatable({}, Channel)
  for k, v in pairs(spec) do c[k] = v end
  c.window = c.window or 4
  c.samples, c.sum, c.pos = {}, 0, 0
  c.alarm = false
  c.events = {}
  if c.cal then
    local r1, v1, r2, v2 = unpack(c.cal)
    c.scale = (v2 - v1) / (r2 - r1)
    c.offset = v1 - r1 * c.scale
  else
    c.scale, c.offset = 1, 0
  end
  return c
end

function Channel:calibrate(raw)
  return raw * self.scale + self.offset
end

function Channel:filter(v)
  self.pos = self.pos % self.window + 1
  local old = self.samples[self.pos]
  if old then self.sum = self.sum - old end
  self.samples[self.pos] = v
  self.sum = self.sum + v
  local n = #self.samples
  return self.sum / n
end

local function round(x, d)
  local m = 10 ^ (d or 1)
  return math.floor(x * m + 0.5) / m
end
sensors.round = round

function Channel:sample(t)
  local raw = self.raw()
  local v = self:filter(self:calibrate(raw))
  self.value = round(v, self.decimals)
  if self.high then
    if not self.alarm and self.value >= self.high then
      self.alarm = true
      self.events[#self.events + 1] = { t = t, kind = "high", value = self.value }
    elseif self.alarm and self.value <= (self.low or self.high) then
      self.alarm = false
      self.events[#self.events + 1] = { t = t, kind = "normal", value = self.value }
    end
  end
  return self.value
end

function Channel:report()
  return { name = self.name, unit = self.unit, value = self.value, alarm = self.alarm }
end

-- a bank of channels sampled together
local Bank = {}
Bank.__index = Bank

function sensors.bank(channels)
  local b = setmetatable({ channels = channels, by_name = {} }, Bank)
  for _, c in ipairs(channels) do b.by_name[c.name] = c end
  return b
end

function Bank:sample(t)
  local out = {}
  for _, c in ipairs(self.channels) do out[c.name] = c:sample(t) end
  return out
end

function Bank:reports()
  local out = {}
  for _, c in ipairs(self.channels) do out[#out + 1] = c:report() end
  return out
end

function Bank:events()
  local all = {}
  for _, c in ipairs(self.channels) do
    for _, e in ipairs(c.events) do
      all[#all + 1] = string.format("%6d %-11s %-6s %s", e.t, c.name, e.kind, tostring(e.value))
    end
  end
  table.sort(all)
  return all
end

return sensors
