# area: class-cell
# level: language
# min_version: 3.0
# spec: Library "Built-in Functions": super() (zero-argument form uses the current instance, however the method stores its first argument); Language Reference 4.2.2 "Resolution of names"
# description: A method whose self is captured by a nested lambda (so self lives in a cell) still calls zero-argument super() on the instance.
# expect: result == ("A", True)
class A:
    def m(self):
        return "A"
class B(A):
    def m(self):
        me = lambda: self
        return super().m(), me() is self
probe_call("result", B().m)
