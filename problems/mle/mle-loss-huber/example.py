loss, grad = huber(np.zeros(4), np.array([0.5, -1.0, 2.0, -3.0]))
print(loss)  # expected: 1.15625
print(grad)  # expected: [ 0.125 -0.25   0.25  -0.25 ]
