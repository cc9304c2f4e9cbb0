print("a\tb|c\\d|e\"f|g\'h")
print('single \'quoted\' "dq"')
print(("\a\b\f\n\r\t\v"):byte(1, -1))
print(("\0\1\12\123\255"):byte(1, -1))
print(#"\0abc\0", ("\0abc\0"):byte(1, -1))
print("\65\066\0671")   -- up to 3 digits: \067 then 1
print("x\
y")
print(#"a\
b")
print("\\n is not newline")
print("\9tab\57")
print(("\z"):len() >= 1 and "z escape len "..#"\z" or "?")
