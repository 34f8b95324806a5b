print(jackknife_se(np.array([1.0, 2.0, 3.0, 4.0, 5.0]), np.median))  # 0.8944271909999159
