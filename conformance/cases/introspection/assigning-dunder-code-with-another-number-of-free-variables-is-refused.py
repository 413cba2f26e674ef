# area: introspection
# level: cpython-detail
# min_version: 3.0
# spec: Data model 3.2 (__code__ is writable); CPython's func_set_code (Objects/funcobject.c): the new code must have as many free variables as the function has cells (ValueError)
# description: Assigning to a closure's __code__ the code of a function with no free variables raises ValueError, and the closure keeps working.
# expect: assign raises ValueError
# expect: still == 1
def outer():
    x = 1
    return lambda: x
f = outer()
def assign():
    f.__code__ = (lambda: 0).__code__
probe_call("assign", assign)
probe_call("still", f)
