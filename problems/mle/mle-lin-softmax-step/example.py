X = np.array([[1.0, 2.0], [2.0, 0.0], [0.0, 1.0]])
y = np.array([0, 2, 1])
W = np.array([[0.2, -0.1, 0.0], [0.0, 0.3, -0.2]])
b = np.array([0.1, 0.0, -0.1])
W_new, b_new, loss = softmax_reg_step(W, b, X, y, lr=0.5)
print(W_new)   # expected: [[ 0.14129424 -0.25714877  0.21585453]
               #            [ 0.15088782  0.24382722 -0.29471504]]
print(b_new)   # expected: [ 0.06514225 -0.02041495 -0.0447273 ]
print(loss)    # expected: 1.0532656039925663
