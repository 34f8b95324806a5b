t0 = pd.Timestamp("2024-03-01 09:00")
rows = [("u1", "view", 1), ("u2", "cart", 1), ("u1", "cart", 2), ("u3", "view", 1), ("u4", "cart", 1),
        ("u2", "view", 2), ("u1", "buy", 3), ("u3", "buy", 2), ("u4", "view", 2), ("u5", "buy", 4),
        ("u4", "cart", 3)]
events = pd.DataFrame({"user_id": [r[0] for r in rows], "event": [r[1] for r in rows],
                       "timestamp": [t0 + pd.Timedelta(minutes=r[2]) for r in rows]})
print(ordered_funnel(events, ["view", "cart", "buy"]))  # expected users 4, 2, 1; conversion 1.0, 0.5, 0.5
