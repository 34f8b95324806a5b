T = lambda *s: pd.to_datetime(list(s))
trades = pd.DataFrame(
    {"id": [101, 102, 103, 104, 105],
     "ticker": ["AAA", "BBB", "AAA", "AAA", "CCC"],
     "time": T("2024-05-01 09:31", "2024-05-01 09:30", "2024-05-01 09:29",
               "2024-05-01 09:35", "2024-05-01 09:33"),
     "qty": [10, 5, 7, 2, 1]},
    index=[4, 3, 2, 1, 0])
quotes = pd.DataFrame(
    {"ticker": ["AAA", "BBB", "AAA", "BBB", "AAA"],
     "time": T("2024-05-01 09:34", "2024-05-01 09:30", "2024-05-01 09:30",
               "2024-05-01 09:32", "2024-05-01 09:31"),
     "price": [10.4, 55.0, 10.0, 55.5, 10.2]})
print(attach_last_quote(trades, quotes))
