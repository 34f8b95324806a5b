A = np.array([[0.0, 0.0], [1.0, 1.0]])
B = np.array([[3.0, 4.0], [1.0, 1.0], [0.0, 1.0]])
print(pairwise_dist(A, B))
