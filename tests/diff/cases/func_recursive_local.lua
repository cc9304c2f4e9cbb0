local function fact(n) return n <= 1 and 1 or n * fact(n - 1) end
print(fact(5))
local fib = function(n) return n end
local fib = function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(10))
local function ackermann(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ackermann(m - 1, 1) end
  return ackermann(m - 1, ackermann(m, n - 1))
end
print(ackermann(2, 3), ackermann(3, 3))
local function hanoi(n, a, b, c, moves)
  if n == 0 then return moves end
  moves = hanoi(n - 1, a, c, b, moves)
  moves = moves + 1
  return hanoi(n - 1, c, b, a, moves)
end
print(hanoi(10, "A", "B", "C", 0))
