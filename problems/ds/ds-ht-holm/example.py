print(repr(holm_adjust(np.array([0.01, 0.04, 0.03, 0.005]))))   # expected array([0.03, 0.06, 0.06, 0.02])
