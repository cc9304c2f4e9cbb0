do print("in do") end
do local a = 1; do local b = a + 1; print(a, b) end end
do end
do do do print("nested") end end end
