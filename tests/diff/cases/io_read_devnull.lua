-- stdin is empty for every case
print(io.read())
print(io.read("*a"))
print(io.read("*n"))
print(io.read("*l"))
print(io.read(0))
print(io.read(5))
print(pcall(io.read, "*x"))
