y_true = ["cat", "dog", "cat", "bird", "dog", "cat", "bird"]
y_pred = ["cat", "cat", "cat", "dog", "dog", "dog", "cat"]
print(f1_averages(y_true, y_pred, ["bird", "cat", "dog"]))
# expected: {'macro': 0.3238095238095238, 'micro': 0.42857142857142855, 'weighted': 0.35918367346938773}
