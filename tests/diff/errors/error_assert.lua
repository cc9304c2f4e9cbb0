local function validate(n) assert(type(n) == "number", "expected a number") return n end
validate(1)
validate("x")
