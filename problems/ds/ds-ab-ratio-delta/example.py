clicks = np.array([2.0, 0.0, 1.0, 4.0, 3.0])
views = np.array([10.0, 3.0, 5.0, 12.0, 10.0])
print(ratio_se(clicks, views))   # expected: about 0.040745
