-- logger.lua -- levelled logging into a fixed-size ring buffer (RAM is scarce on a device):
-- the last N lines are kept and can be dumped, e.g. on a crash report.
local logger = {}

local levels = { "DEBUG", "INFO", "WARN", "ERROR" }
local rank = {}
for i, l in ipairs(levels) do rank[l] = i end

local Log = {}
Log.__index = Log

function logger.new(size, level, clock)
  return setmetatable({ size = size or 16, lines = {}, first = 1, count = 0,
                        level = rank[level or "INFO"], clock = clock or function() return 0 end,
                        dropped = 0 }, Log)
end

function Log:write(level, fmt, ...)
  local r = rank[level]
  if not r then error("unknown log level " .. tostring(level), 2) end
  if r < self.level then return false end
  local msg = select("#", ...) > 0 and string.format(fmt, ...) or fmt
  local line = string.format("%8.3f %-5s %s", self.clock() / 1000, level, msg)
  if self.count < self.size then
    self.count = self.count + 1
    self.lines[(self.first + self.count - 2) % self.size + 1] = line
  else
    self.lines[self.first] = line
    self.first = self.first % self.size + 1
    self.dropped = self.dropped + 1
  end
  return true
end

for _, l in ipairs(levels) do
  Log[l:lower()] = function(self, fmt, ...) return self:write(l, fmt, ...) end
end

function Log:each()
  local i = 0
  return function()
    i = i + 1
    if i <= self.count then return self.lines[(self.first + i - 2) % self.size + 1] end
  end
end

function Log:dump(out)
  out = out or print
  if self.dropped > 0 then out(string.format("(%d older lines dropped)", self.dropped)) end
  for line in self:each() do out(line) end
end

return logger
