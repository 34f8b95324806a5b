df = pd.DataFrame({
    "day": pd.to_datetime(["2024-03-05", "2024-03-01", "2024-03-07", "2024-03-01", "2024-03-08", "2024-03-20"]),
    "sales": [5.0, 1.0, 6.0, 3.0, 7.0, 10.0],
}, index=["a", "b", "c", "d", "e", "f"])
print(trailing_7d_mean(df, "day", "sales"))
# expected:
# a     3.00
# b     2.00
# c     3.75
# d     2.00
# e     6.00
# f    10.00
# Name: sales, dtype: float64
