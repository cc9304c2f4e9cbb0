local f = loadstring("x = 1\nreturn x + nil")
f()
