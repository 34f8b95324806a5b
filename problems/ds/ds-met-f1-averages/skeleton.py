import numpy as np


def f1_averages(y_true, y_pred, labels: list) -> dict:
    """Return {"macro", "micro", "weighted"} F1 over the classes in `labels` (every 0/0
    gives 0.0; a listed class never predicted counts as F1 = 0 in the macro average).
    Raise ValueError for empty labels, empty inputs or different lengths."""
    raise NotImplementedError
