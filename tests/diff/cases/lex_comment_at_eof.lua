print("noeol")
-- final comment no newline