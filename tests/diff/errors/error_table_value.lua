print("about to raise a table")
error({code = 1})
