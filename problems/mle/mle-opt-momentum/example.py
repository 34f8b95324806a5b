w, v = np.array([1.0, -2.0]), np.zeros(2)
for g in ([0.5, -1.0], [0.25, 0.5], [-1.0, 0.0]):
    w, v = momentum_step(w, np.array(g), v, lr=0.1, mu=0.9)
    print(w, v)
# expected:
# [ 0.95 -1.9 ] [ 0.5 -1. ]
# [ 0.88 -1.86] [ 0.7 -0.4]
# [ 0.917 -1.824] [-0.37 -0.36]
