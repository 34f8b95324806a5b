X = np.array([[1.0, 2.0], [2.0, 1.0], [1.5, 2.5], [3.0, 1.0], [4.0, 2.0]])
y = np.array([3, 3, 3, 7, 7])
model = GaussianNB().fit(X, y)
print(model.classes_, model.class_prior_)    # expected: [3 7] [0.6 0.4]
Xt = np.array([[2.0, 2.0], [3.0, 1.5]])
print(model.predict_log_proba(Xt))           # expected: [[-9.98606985e-03 -4.61155305e+00] [-6.00803775e+00 -2.46193653e-03]]
print(model.predict(Xt))                     # expected: [3 7]
