io.write("exiting with 3\n")
os.exit(3)
