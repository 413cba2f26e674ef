# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"
# description: A class body reading a free variable of the enclosing function before the function assigns it raises NameError, not UnboundLocalError.
# expect: read raises NameError
def f():
    class C:
        y = x
    x = 1
    return C
probe_call("read", f)
