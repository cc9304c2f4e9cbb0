-- patterns that need backtracking
print(("aaaaaaaaab"):match("(a*)(a*)b"))
print(("abcabcabc"):match("(.*)abc"))
print(("abcabcabc"):match("(.-)abc"))
print(("x = 10, y = 20"):match(".*=%s*(%d+)"))
print(("aaaaaaaaaaaac"):match("a*a*a*b"))
print(("one;two;three"):match("^(.-);(.*)$"))
print(("<<x>>"):match("<(.+)>"), ("<<x>>"):match("<(.-)>"))
print(string.rep("a", 12):find(string.rep("a?", 12) .. string.rep("a", 12)))
