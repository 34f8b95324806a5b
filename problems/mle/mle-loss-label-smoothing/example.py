logits = np.array([[2.0, 1.0, 0.0], [0.0, 0.0, 3.0]])
print(smoothed_ce(logits, np.array([0, 2]), 0.1))  # expected 0.4012644604326707
