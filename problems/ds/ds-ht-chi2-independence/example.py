stat, dof, expected = chi2_independence(np.array([[20, 15, 25], [30, 35, 15]]))
print(stat, dof)   # expected 9.84375 2
print(expected)
