-- a main chunk that returns values exits with status 0
print("returning")
return 1, 2, 3
