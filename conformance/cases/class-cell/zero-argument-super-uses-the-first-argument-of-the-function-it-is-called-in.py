# area: class-cell
# level: language
# min_version: 3.0
# spec: Library "Built-in Functions": super() (the zero-argument form finds the class being defined through the compiler and the instance through the current function's first argument); PEP 3135
# description: A nested function or lambda inside a method that takes the instance as its own first parameter can call zero-argument super().
# expect: result == ("A", "A", "A")
class A:
    def m(self):
        return "A"
class B(A):
    def m(self):
        def inner(me):
            return super().m()
        return inner(self), (lambda s: super().m())(self), super().m()
probe_call("result", B().m)
