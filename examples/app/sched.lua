-- sched.lua -- a cooperative scheduler: tasks are coroutines that sleep, wait for events and
-- exchange messages; time is simulated (sched.run advances a virtual clock), so runs are
-- deterministic. On a device the clock would come from the timer hardware.
local sched = {}

local create, resume, yield, status = coroutine.create, coroutine.resume, coroutine.yield, coroutine.status
local insert, remove = table.insert, table.remove

local now = 0
local ready, sleeping, waiting = {}, {}, {}
local names, errors = {}, {}
local next_id = 0

function sched.time() return now end

function sched.spawn(name, fn, ...)
  local args, nargs = { ... }, select("#", ...)
  next_id = next_id + 1
  local co = create(function() return fn(unpack(args, 1, nargs)) end)
  names[co] = name .. "#" .. next_id
  ready[#ready + 1] = { co = co }
  return co
end

-- inside a task
function sched.sleep(ms) return yield("sleep", ms) end
function sched.wait(event, timeout) return yield("wait", event, timeout) end

function sched.signal(event, ...)
  local list = waiting[event]
  if not list then return 0 end
  waiting[event] = nil
  for _, w in ipairs(list) do
    if w.deadline then   -- cancel its timeout
      for i, s in ipairs(sleeping) do
        if s == w then remove(sleeping, i); break end
      end
      w.deadline = nil
    end
    w.value = { n = select("#", ...), ... }
    w.timed_out = false
    ready[#ready + 1] = w
  end
  return #list
end

local function add_sleeper(w, wake)
  w.wake = wake
  local i = #sleeping
  while i > 0 and sleeping[i].wake > wake do i = i - 1 end
  insert(sleeping, i + 1, w)
end

local function step(w)
  local ok, what, a, b
  if w.value then
    ok, what, a, b = resume(w.co, unpack(w.value, 1, w.value.n))
  elseif w.timed_out then
    ok, what, a, b = resume(w.co, nil, "timeout")
  else
    ok, what, a, b = resume(w.co)
  end
  w.value, w.timed_out = nil, nil
  if not ok then
    errors[#errors + 1] = names[w.co] .. ": " .. tostring(what)
    return
  end
  if status(w.co) == "dead" then return end
  if what == "sleep" then
    add_sleeper(w, now + (a or 0))
  elseif what == "wait" then
    local list = waiting[a] or {}
    waiting[a] = list
    list[#list + 1] = w
    if b then w.deadline = now + b; add_sleeper(w, now + b) end
  else
    ready[#ready + 1] = w   -- plain yield
  end
end

-- run until no task can make progress or the clock passes `until_ms`
function sched.run(until_ms)
  while true do
    while #ready > 0 do
      local w = remove(ready, 1)
      step(w)
    end
    local s = sleeping[1]
    if not s or (until_ms and s.wake > until_ms) then break end
    remove(sleeping, 1)
    now = s.wake
    if s.deadline then
      -- a wait with a timeout: still waiting?
      local still = false
      for ev, list in pairs(waiting) do
        for i, w in ipairs(list) do
          if w == s then remove(list, i); still = true; break end
        end
        if #list == 0 then waiting[ev] = nil end
        if still then break end
      end
      s.deadline = nil
      if still then s.timed_out = true; ready[#ready + 1] = s end
    else
      ready[#ready + 1] = s
    end
  end
  if until_ms and now < until_ms then now = until_ms end
  return now
end

function sched.errors() return errors end

function sched.reset()
  now, ready, sleeping, waiting, names, errors, next_id = 0, {}, {}, {}, {}, {}, 0
end

return sched
