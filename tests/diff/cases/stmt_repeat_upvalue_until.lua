-- closure created in body, condition refers to captured local
local count = 0
local fns = {}
repeat
  local x = count
  fns[#fns + 1] = function() x = x + 100 return x end
  count = count + 1
until x >= 2 or count > 10
print(count, #fns)
print(fns[1](), fns[1](), fns[2](), fns[3]())
