# area: class-cell
# level: cpython-detail
# min_version: 3.0
# spec: CPython: a generator expression is a nested function whose first argument is its iterator (PEP 709 does not inline generator expressions), so zero-argument super() there raises TypeError
# description: Zero-argument super() in a generator expression in a method finds the iterator, not the instance, and raises TypeError.
# expect: result raises TypeError
class A:
    def m(self):
        return "A"
class B(A):
    def m(self):
        return list(super().m() for _ in range(1))
probe_call("result", B().m)
