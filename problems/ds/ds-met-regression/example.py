print(regression_report(np.array([3.0, 0.0, 2.0, 5.0]), np.array([2.5, 0.5, 2.0, 7.0])))
# expected: {'mae': 0.75, 'rmse': 1.0606601717798212, 'r2': 0.6538461538461539, 'mape': 0.18888888888888888}
