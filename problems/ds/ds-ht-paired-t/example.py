before = np.array([72.0, 80.5, 65.0, 90.0, 77.5, 84.0])
after = np.array([70.0, 78.0, 66.5, 85.5, 74.0, 83.0])
print(paired_t(before, after))   # expected (-2.3354968324845684, 5)
