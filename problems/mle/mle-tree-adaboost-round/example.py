w = np.full(5, 0.2)
y = np.array([1, 1, -1, -1, 1])
pred = np.array([1, 1, 1, -1, 1])
print(adaboost_round(w, y, pred))  # expected (0.6931471805599453, array([0.125, 0.125, 0.5, 0.125, 0.125]))
