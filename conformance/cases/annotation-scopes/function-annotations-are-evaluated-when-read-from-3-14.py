# area: annotation-scopes
# level: language
# min_version: 3.0
# spec: PEP 649 and PEP 749 (3.14: annotations are evaluated when __annotations__ is first read, closing over the names they use); Language Reference 8.7 "Function definitions" (before 3.14, when the def statement runs)
# description: An annotation naming a variable of the enclosing function gives the value it had when the def ran before 3.14, and the value it has when __annotations__ is read from 3.14.
# expect[<3.14]: result == "int"
# expect[>=3.14]: result == "str"
def outer():
    T = int
    def f(x: T):
        pass
    T = str
    return f.__annotations__["x"].__name__
probe_call("result", outer)
