io.stderr:write("to stderr\n")
io.write("to stdout\n")
error("then fail")
