idx = np.array([[0, 2], [2, 3]])
dout = np.array([[[1.0, 0.5], [2.0, -1.0]], [[0.5, 0.5], [-1.0, 3.0]]])
print(embedding_backward(idx, dout, 5))
