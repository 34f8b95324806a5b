y = np.array([2.0, 4.5, 5.0, 8.5, 10.0])
x = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
print(cuped(y, x))   # expected: [6.  6.5 5.  6.5 6. ]
