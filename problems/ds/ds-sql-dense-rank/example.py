s = pd.Series([300, 100, 300, 200, -50], index=["a", "b", "c", "d", "e"], name="sales")
print(dense_rank_desc(s))
# expected:
# a    1
# b    3
# c    1
# d    2
# e    4
# Name: sales, dtype: int64
