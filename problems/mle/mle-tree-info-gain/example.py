y = np.array([0, 0, 0, 1, 1, 1, 1, 1])
left_mask = np.array([True, True, True, True, False, False, False, False])
print(information_gain(y, left_mask))  # expected 0.5487949406953987
