local obj = {}
obj:undefined_method(1)
