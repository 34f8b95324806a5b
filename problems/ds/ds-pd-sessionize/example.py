df = pd.DataFrame({
    "user": ["ann", "bob", "ann", "ann", "bob", "ann", "bob"],
    "time": pd.to_datetime(["2024-05-01 09:00", "2024-05-01 09:10", "2024-05-01 09:30", "2024-05-01 10:05",
                            "2024-05-01 09:40", "2024-05-01 09:20", "2024-05-01 11:00"]),
})
print(assign_sessions(df, "user", "time"))
# expected:
# 0    1
# 1    1
# 2    1
# 3    2
# 4    1
# 5    1
# 6    2
# Name: session, dtype: int64
