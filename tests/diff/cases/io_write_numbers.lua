-- io.write formats numbers with %.14g like tostring
io.write(1, " ", 1.5, " ", 1/3, " ", 100000000000000, " ", 1e15, " ", -0.0 + 0, "\n")
io.write(2^63, " ", 1e-10, " ", 123456789012, "\n")
