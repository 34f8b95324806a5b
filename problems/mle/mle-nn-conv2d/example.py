x = np.arange(16, dtype=float).reshape(1, 1, 4, 4)
w = np.array([[[[1.0, 2.0], [0.0, -1.0]]]])
b = np.array([0.5])
print(conv2d(x, w, b))                    # expected rows: [-2.5 -0.5 1.5] [5.5 7.5 9.5] [13.5 15.5 17.5]
print(conv2d(x, w, b, stride=2, pad=1))   # expected rows: [0.5 -1.5 0.5] [0.5 7.5 7.5] [24.5 41.5 15.5]
