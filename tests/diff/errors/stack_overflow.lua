local function inf(n) return inf(n + 1) + 1 end
inf(1)
