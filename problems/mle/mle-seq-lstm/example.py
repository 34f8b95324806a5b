x = np.array([[1.0, -1.0], [0.0, 2.0]])
h = np.array([[0.5], [-1.0]])
c = np.array([[2.0], [-0.5]])
W = np.array([[1.0, 0.5, -1.0, 2.0],
              [0.0, 0.0, 1.0, 0.0],
              [0.0, 1.0, 1.0, -1.0]])
b = np.array([0.0, 1.0, 0.0, 0.0])
h_new, c_new = lstm_step(x, h, c, W, b)
print(h_new)
print(c_new)
