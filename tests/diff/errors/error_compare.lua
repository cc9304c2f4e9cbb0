local limit = {}
if 10 < limit then print("no") end
