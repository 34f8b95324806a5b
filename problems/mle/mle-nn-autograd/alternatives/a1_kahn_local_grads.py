import math


class Value:
    # Each node stores (parent, local derivative) pairs; backward uses Kahn's algorithm on
    # consumer counts, so a node is processed only after all nodes that use it.
    def __init__(self, data, edges=()):
        self.data = float(data)
        self.grad = 0.0
        self.edges = list(edges)

    def _v(self, o):
        return o if isinstance(o, Value) else Value(o)

    def __add__(self, o):
        o = self._v(o)
        return Value(self.data + o.data, [(self, 1.0), (o, 1.0)])

    def __sub__(self, o):
        o = self._v(o)
        return Value(self.data - o.data, [(self, 1.0), (o, -1.0)])

    def __mul__(self, o):
        o = self._v(o)
        return Value(self.data * o.data, [(self, o.data), (o, self.data)])

    def __pow__(self, k):
        return Value(self.data ** k, [(self, k * self.data ** (k - 1))])

    def tanh(self):
        t = math.tanh(self.data)
        return Value(t, [(self, 1 - t ** 2)])

    def exp(self):
        e = math.exp(self.data)
        return Value(e, [(self, e)])

    def backward(self):
        consumers = {}
        stack, seen = [self], {id(self)}
        while stack:
            v = stack.pop()
            for p, _ in v.edges:
                consumers[id(p)] = consumers.get(id(p), 0) + 1
                if id(p) not in seen:
                    seen.add(id(p))
                    stack.append(p)
        self.grad = 1.0
        ready = [self]
        while ready:
            v = ready.pop()
            for p, local in v.edges:
                p.grad += local * v.grad
                consumers[id(p)] -= 1
                if consumers[id(p)] == 0:
                    ready.append(p)
