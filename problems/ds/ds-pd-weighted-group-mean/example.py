df = pd.DataFrame({
    "store": ["b", "a", "b", "a", "c", "b", "c"],
    "price": [10.0, 4.0, 20.0, np.nan, 5.0, 30.0, 7.0],
    "qty": [1.0, 2.0, 3.0, 5.0, 0.0, np.nan, 0.0],
})
print(weighted_mean(df, "store", "price", "qty"))
