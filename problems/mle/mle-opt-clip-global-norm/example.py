clipped, total = clip_global_norm([np.array([3.0, 4.0]), np.array([[12.0]])], 6.5)
print(clipped)
print(total)
