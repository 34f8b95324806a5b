cat = pd.Series(["a", "b", "a", "c", "a", "b", "a", "b"], name="shop")
y = pd.Series([1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0])
print(oof_target_encode(cat, y, n_splits=4, m=2.0, seed=0))
