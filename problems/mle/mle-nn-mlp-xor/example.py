params = {"W1": np.array([[1.0, -1.0], [0.5, 2.0]]), "b1": np.array([0.0, 0.5]),
          "W2": np.array([[1.0], [-1.0]]), "b2": np.array([0.1])}
X = np.array([[0.0, 1.0], [1.0, 1.0]]); y = np.array([1.0, 0.0])
loss, grads = mlp_loss_and_grads(params, X, y)
print(loss)          # expected: 0.8360750110424514
print(grads["b1"])   # expected: [-0.190293 -0.039395] (rounded)

X4 = np.array([[0., 0.], [0., 1.], [1., 0.], [1., 1.]]); y4 = np.array([0., 1., 1., 0.])
params, losses = train_mlp(X4, y4)
print(len(losses), losses[0], losses[-1])   # expected: 5000 0.7414496939526034 0.0004505757711411692
