z = np.array([[1.0, 2.0, 3.0], [1000.0, 1000.0, 1000.0]])
print(softmax(z))
