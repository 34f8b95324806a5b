print(beta_posterior(1, 1, 7, 10))  # expected: {'a': 8.0, 'b': 4.0, 'mean': 0.6666666666666666, 'mode': 0.7}
