x = np.array([[[[1.0, 3.0, 2.0, 0.0],
                [4.0, 2.0, 5.0, 5.0],
                [0.0, 1.0, 1.0, 1.0],
                [2.0, 6.0, 1.0, 1.0]]]])
print(maxpool_backward(x, np.array([[[[10.0, 20.0], [30.0, 40.0]]]]), 2, 2))
print(maxpool_backward(x, np.arange(1.0, 10.0).reshape(1, 1, 3, 3), 2, 1))
