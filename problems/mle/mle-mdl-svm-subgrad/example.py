w = np.array([1.0, -0.5]); b = 0.5
X = np.array([[2.0, 1.0], [0.5, 0.0], [-1.0, 0.0], [0.0, 2.0]])
y = np.array([1, 1, -1, -1])
print(svm_subgrad(w, b, X, y, C=2.0))   # expected: (array([-1. ,  3.5]), 4.0)
