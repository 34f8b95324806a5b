X = np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 30.0], [4.0, 40.0], [100.0, 50.0]])
t = ClipLog(q_low=0.25, q_high=0.75).fit(X)
print(t.lower_, t.upper_)  # expected [ 2. 20.] [ 4. 40.]
print(t.transform(np.array([[0.0, 45.0], [3.0, 30.0]])).round(4))  # expected [[0. 3.0445] [0.6931 2.3979]]
