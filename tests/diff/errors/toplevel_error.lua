print("before")
error("top level failure")
print("not reached")
