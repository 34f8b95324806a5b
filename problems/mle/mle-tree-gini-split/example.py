x = np.array([2.0, 1.0, 3.0, 3.0, 5.0, 4.0])
y = np.array([0, 0, 1, 0, 1, 1])
print(best_split(x, y))  # expected (2.5, 0.25)
