s = pd.Series([" ML, ml ,Stats,", "python,  stats", np.nan, "Python,ML", ",,", "sql"], name="tags")
print(tag_counts(s))
# expected:
# tag
# ml        3
# python    2
# stats     2
# sql       1
# Name: count, dtype: int64
