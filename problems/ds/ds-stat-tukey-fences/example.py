x = np.array([4.0, 7.0, 5.0, 6.0, 21.0, 5.5, 4.5, -3.0, 6.5, 12.5])
print(tukey_outliers(x))  # expected: [False False False False  True False False  True False  True]
