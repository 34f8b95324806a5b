print(ndcg_at_k(np.array([3, 2, 3, 0, 1, 2]), 3))  # expected 0.9594535145926796
