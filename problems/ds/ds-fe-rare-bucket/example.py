train = pd.Series(["red", "blue", "red", np.nan, "green", "red", "blue", "pink"], dtype="str", name="color")
test = pd.Series(["blue", "green", "teal", np.nan, "red", "pink"],
                 index=[10, 11, 12, 13, 14, 15], dtype="str", name="color")
tr, te = bucket_rare(train, test, 2)
print(tr.tolist())
print(te.tolist())
