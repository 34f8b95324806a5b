print(summary_stats(np.array([1.0, 2.0, 3.0, 4.0, 10.0, np.nan])))
# expected:
# {'mean': 4.0, 'median': 3.0, 'std': 3.5355339059327378, 'iqr': 2.0, 'mad': 1.0}
