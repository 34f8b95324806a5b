a = np.array([[0.0, np.log(3.0)], [1000.0, 1000.0], [-np.inf, -np.inf]])
print(logsumexp(a, axis=1))                    # expected: [   1.38629436 1000.69314718          -inf]
print(logsumexp(np.array([0.0, np.log(3.0)])))  # expected: 1.3862943611198906
