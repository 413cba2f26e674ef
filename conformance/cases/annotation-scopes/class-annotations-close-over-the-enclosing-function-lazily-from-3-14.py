# area: annotation-scopes
# level: language
# min_version: 3.0
# spec: PEP 649 and PEP 749 (3.14: class annotations are evaluated when __annotations__ is read, closing over the enclosing function's variables); Language Reference 7.2.2 (before 3.14, annotations in a class body are evaluated when the statement runs)
# description: A class body annotation naming a variable the enclosing function binds later raises NameError when the class statement runs before 3.14; from 3.14 the class is made, reading __annotations__ first raises NameError and, once the variable is bound, gives its value.
# expect[<3.14]: result raises NameError
# expect[>=3.14]: result == ("NameError", {"a": 1})
def outer():
    class X:
        a: later
    try:
        X.__annotations__
        first = "no error"
    except NameError:
        first = "NameError"
    later = 1
    return first, X.__annotations__
probe_call("result", outer)
