df = pd.DataFrame(
    {"account": ["A", "B", "A", "A", "B", "A"],
     "ts": pd.to_datetime(["2024-01-03", "2024-01-01", "2024-01-01",
                           "2024-01-02", "2024-01-02", "2024-01-02"]),
     "amount": [50, 100, 20, -5, -30, 10]},
    index=[10, 11, 12, 13, 14, 15])
print(running_balance(df, "account", "ts", "amount"))
