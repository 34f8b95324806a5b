print(repr(bh_reject(np.array([0.012, 0.041, 0.028, 0.004, 0.3]))))   # expected array([ True, False,  True,  True, False])
