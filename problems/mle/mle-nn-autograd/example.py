x, y = Value(2.0), Value(-3.0)
z = x * y + x ** 2
out = z.tanh()
out.backward()
print(z.data, out.data)        # expected: -2.0 -0.9640275800758169
print(x.grad, y.grad, z.grad)  # expected: 0.07065082485316443 0.14130164970632886 0.07065082485316443
