import numpy as np


def svm_subgrad(w, b, X, y, C):
    """Subgradient (grad_w, grad_b) of 0.5*||w||^2 + C * sum(max(0, 1 - y*(X @ w + b))).

    Samples with margin y*(w.x + b) < 1 (strictly) contribute; b is not regularised.
    Raise ValueError if y holds anything other than -1 and +1.
    """
    raise NotImplementedError
