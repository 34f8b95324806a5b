print(binary_report([1, 0, 1, 1, 0, 0, 1, 0], [1, 0, 0, 1, 1, 0, 1, 0]))
# expected: {'precision': 0.75, 'recall': 0.75, 'f1': 0.75, 'specificity': 0.75, 'accuracy': 0.75}
