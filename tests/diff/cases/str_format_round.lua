-- rounding of %.Nf / %.Ng on exact binary halves and near-halves
for _, v in ipairs({0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1.005, 1e-7, 123.456, -0.05}) do
  print(string.format("%.0f %.1f %.2f %.3g %.10g %e", v, v, v, v, v, v))
end
print(string.format("%.99f", 1):len())
print(string.format("%099.2f", -1.5):len())
