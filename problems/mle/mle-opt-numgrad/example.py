print(numerical_grad(lambda x: float((x ** 3).sum()), np.array([1.0, -2.0, 0.5])))
