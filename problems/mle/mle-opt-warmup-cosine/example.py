print([round(lr_at(s, 0.1, 3, 10, 0.01), 6) for s in range(12)])
