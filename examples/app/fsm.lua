-- fsm.lua -- finite state machines: states with enter/exit actions, guarded transitions,
-- and a history of what happened (a device's connection manager is one).
local fsm = {}

local Machine = {}
Machine.__index = Machine

-- def: { initial = "s", states = { s = { enter = f, exit = f } },
--        transitions = { { from = "s"|"*", event = "e", to = "t", guard = f, action = f } } }
function fsm.new(def, ctx)
  local m = setmetatable({ def = def, ctx = ctx or {}, history = {}, state = nil }, Machine)
  m.index = {}
  for _, t in ipairs(def.transitions) do
    local key = t.from .. "\0" .. t.event
    m.index[key] = m.index[key] or {}
    table.insert(m.index[key], t)
  end
  m:enter(def.initial, "init")
  return m
end

function Machine:enter(state, why)
  local s = self.def.states[state]
  if not s then error("unknown state '" .. tostring(state) .. "'", 2) end
  self.state = state
  self.history[#self.history + 1] = why .. "->" .. state
  if s.enter then s.enter(self.ctx, self) end
end

function Machine:can(event)
  for _, from in ipairs({ self.state, "*" }) do
    for _, t in ipairs(self.index[from .. "\0" .. event] or {}) do
      if not t.guard or t.guard(self.ctx) then return t end
    end
  end
  return nil
end

function Machine:fire(event, ...)
  local t = self:can(event)
  if not t then
    self.history[#self.history + 1] = "ignored " .. event .. " in " .. self.state
    return false
  end
  local cur = self.def.states[self.state]
  if cur.exit then cur.exit(self.ctx, self) end
  if t.action then t.action(self.ctx, ...) end
  self:enter(t.to, event)
  return true
end

function Machine:trace()
  return table.concat(self.history, ", ")
end

return fsm
