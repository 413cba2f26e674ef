# area: class-cell
# level: language
# min_version: 3.0
# spec: Library "Built-in Functions": super() (zero-argument form); Language Reference 6.2.9 "Yield expressions" (a generator function's body runs in its own frame when resumed)
# description: A generator method calls zero-argument super() each time it is resumed, after the class is complete.
# expect: result == ["A", "A"]
class A:
    def m(self):
        return "A"
class B(A):
    def m(self):
        yield super().m()
        yield super().m()
probe_call("result", lambda: list(B().m()))
