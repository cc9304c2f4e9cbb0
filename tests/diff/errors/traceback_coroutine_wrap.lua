local gen = coroutine.wrap(function() coroutine.yield(1) error("error in coroutine") end)
print(gen())
gen()
