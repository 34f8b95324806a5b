class Value:
    """A scalar node of a computation graph with reverse-mode autodiff.

    Attributes: data (float), grad (float, 0.0 for a new node).
    Operations (each returns a new Value): __add__, __sub__, __mul__ (other: Value or number),
    __pow__(k) for a constant number k, tanh(), exp().
    backward(): set self.grad = 1.0 and fill v.grad with d self / d v for every node v self depends on.
    """

    def __init__(self, data):
        raise NotImplementedError
