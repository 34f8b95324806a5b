def binary_report(y_true, y_pred) -> dict:
    """Five metrics of a binary classifier's confusion matrix, as a dict (see the task)."""
    raise NotImplementedError
