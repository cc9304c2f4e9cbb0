local f = loadstring("local a = 1\nerror('from string chunk')", "=mychunk")
f()
