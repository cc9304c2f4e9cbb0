print("os.exit(true) is a bad argument in 5.1")
os.exit(true)
