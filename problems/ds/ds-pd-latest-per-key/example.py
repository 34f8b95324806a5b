df = pd.DataFrame({
    "customer": ["c2", "c1", "c2", "c3", "c1", "c2"],
    "updated":  pd.to_datetime(["2024-02-01", "2024-01-05", "2024-03-10", "2024-01-20", "2024-01-05", "2024-02-15"]),
    "plan":     ["basic", "pro", "pro", "basic", "team", "basic"],
    "seats":    [1, 5, 3, 1, 10, 2],
})
print(latest_per_key(df, "customer", "updated"))
# expected:
#   customer    updated   plan  seats
# 4       c1 2024-01-05   team     10
# 2       c2 2024-03-10    pro      3
# 3       c3 2024-01-20  basic      1
