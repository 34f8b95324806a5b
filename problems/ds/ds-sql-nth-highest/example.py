s = pd.Series([300.0, 200.0, 300.0, np.nan, 100.0])
print(nth_highest(s, 2), nth_highest(s, 3), nth_highest(s, 4))
