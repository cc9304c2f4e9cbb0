print("error(nil) prints no message")
error(nil)
