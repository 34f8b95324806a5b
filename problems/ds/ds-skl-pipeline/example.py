X = pd.DataFrame({"age": [25.0, np.nan, 47.0, 52.0, 33.0, 61.0],
                  "city": ["Oslo", "Lyon", np.nan, "Oslo", "Lyon", "Oslo"]})
y = np.array([0, 0, 1, 1, 0, 1])
model = make_model(["age"], ["city"])
X_new = pd.DataFrame({"age": [29.0, 58.0, np.nan], "city": ["Lyon", "Rome", "Oslo"]})
print(repr(model.fit(X, y).predict(X_new)))  # expected: array([0, 1, 1])
