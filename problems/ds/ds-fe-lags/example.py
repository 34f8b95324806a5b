df = pd.DataFrame({"store": ["a", "b", "a", "b", "a", "a"],
                   "day": [3, 1, 1, 2, 2, 4],
                   "sales": [30, 100, 10, 200, 20, 40]},
                  index=[10, 11, 12, 13, 14, 15])
print(add_lags(df, "store", "day", "sales", (1, 2)))
