logits = np.log(np.array([0.1, 0.5, 0.15, 0.25]))
print(top_p_filter(logits, 0.7))  # expected [-inf -0.69314718 -inf -1.38629436]
