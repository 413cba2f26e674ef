# area: annotation-scopes
# level: language
# min_version: 3.14
# spec: PEP 649 and PEP 749 (a function's annotations are compiled into an `__annotate__` function, nested where the def is, which closes over the names its annotations read and returns the dict when called with format 1, VALUE)
# description: The __annotate__ of a function whose annotation reads an enclosing variable has that variable's cell in its closure; called with 1 it evaluates the annotations again, seeing the variable's current value.
# expect: result == (3, {"x": 3})
def outer():
    a = 1
    def f(x: a):
        pass
    a = 3
    return f
f = outer()
probe_call("result", lambda: (f.__annotate__.__closure__[0].cell_contents, f.__annotate__(1)))
