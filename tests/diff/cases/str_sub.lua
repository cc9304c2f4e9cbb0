local s = "hello world"
print(s:sub(1, 5), s:sub(7), s:sub(-5), s:sub(-5, -3), s:sub(0), s:sub(100))
print(s:sub(5, 1), s:sub(-100, 3), s:sub(3, -100), s:sub(-3, 100))
print(s:sub(2.9, 4.1), s:sub("2", "3"))
print(("").sub("", 1, 1), #s:sub(1, 0))
print(pcall(string.sub))
print(pcall(string.sub, "x", "a"))
print(string.sub("abc", 2))
print(s:sub(0, 0), s:sub(-1, -1), s:sub(11, 11), s:sub(12, 12))
