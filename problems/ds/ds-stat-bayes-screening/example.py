print(ppv(0.01, 0.90, 0.95))                         # expected: about 0.153846
print(ppv(np.array([0.01, 0.1, 0.5]), 0.90, 0.95))   # expected: [0.15384615 0.66666667 0.94736842]
