w = np.array([1.0, -2.0, 0.5]); z = np.zeros(3)
w, m, v = adam_step(w, np.array([0.2, -0.5, 0.0]), z, z, 1, lr=0.1)
print(w)         # expected: [ 0.9 -1.9  0.5]
w, m, v = adam_step(w, np.array([0.1, -0.5, 0.3]), m, v, 2, lr=0.1)
print(w, m, v)   # expected: [ 0.80678205 -1.8  0.42558632] [ 0.028 -0.095  0.03 ] [4.9960e-05 4.9975e-04 9.0000e-05]
