# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 7.5 "The del statement"
# description: Assigning and then deleting a name in a class body removes it from the class namespace only; the enclosing function's variable keeps its value.
# expect: result == (False, 42)
def f():
    x = 42
    class X:
        x = 43
        del x
    return hasattr(X, "x"), x
probe_call("result", f)
