# area: class-cell
# level: cpython-detail
# min_version: 3.0
# spec: CPython: before 3.12 a comprehension is a nested function whose first argument is its iterator, so zero-argument super() there raises TypeError; PEP 709 (3.12) inlines list, set and dict comprehensions into the method, whose first argument is self
# description: Zero-argument super() in a list comprehension in a method raises TypeError before 3.12 and calls the base method from 3.12.
# expect[<3.12]: result raises TypeError
# expect[>=3.12]: result == ["A"]
class A:
    def m(self):
        return "A"
class B(A):
    def m(self):
        return [super().m() for _ in range(1)]
probe_call("result", B().m)
