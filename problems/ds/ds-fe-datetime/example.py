ts = pd.Series(pd.to_datetime(["2024-03-01 09:00:00", "2024-02-29 18:00:00",
                               "2024-03-02 21:00:00", "2024-03-04 00:00:00"]), name="ts")
out = datetime_features(ts)
print(out)
print(out.dtypes)
