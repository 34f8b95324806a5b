df = pd.DataFrame({
    "team":   ["red", "blue", "red", "blue", "red", "blue", "red"],
    "player": ["ann", "bob",  "cat", "dan",  "eve", "fay",  "gus"],
    "score":  [7.0,   4.0,    9.0,   np.nan, 7.0,   6.0,    3.0],
})
print(top_n_per_group(df, "team", "score", 2))
# expected:
#    team player  score
# 0  blue    fay    6.0
# 1  blue    bob    4.0
# 2   red    cat    9.0
# 3   red    ann    7.0
