df = pd.DataFrame({
    "city":  ["oslo", "rome", "oslo", "rome", "lima", "oslo", "rome", "lima"],
    "price": [10.0,   np.nan, 14.0,   20.0,   np.nan, np.nan, 30.0,   np.nan],
    "rooms": [1,      2,      3,      4,      5,      6,      7,      8],
})
print(impute_group_median(df, "city", "price"))
# expected:
#    city  price  rooms
# 0  oslo   10.0      1
# 1  rome   25.0      2
# 2  oslo   14.0      3
# 3  rome   20.0      4
# 4  lima   17.0      5
# 5  oslo   12.0      6
# 6  rome   30.0      7
# 7  lima   17.0      8
