import numpy as np


def binary_report(y_true, y_pred) -> dict:
    """Return {"precision", "recall", "f1", "specificity", "accuracy"} for 0/1 labels
    (arrays or lists). Every 0/0 gives 0.0. Raise ValueError for empty input or
    different lengths."""
    raise NotImplementedError
