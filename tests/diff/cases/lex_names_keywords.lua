local _ = 1
local _x1, X_, __ = 2, 3, 4
print(_, _x1, X_, __)
local And, OR, Not = 1, 2, 3
print(And, OR, Not)
local t = {}
t["and"] = 1; t["end"] = 2; t["goto"] = 3
print(t["and"], t["end"], t["goto"])
goto = 5   -- goto is an ordinary name in 5.1
print(goto)
local continue = 7
print(continue)
