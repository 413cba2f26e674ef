# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 4.2.2 "Resolution of names" (class blocks are skipped by nested scopes)
# description: A class body's nonlocal rebinds the function's variable, and a lambda made in the class body before the rebinding reads the variable when called.
# expect: result == (1, 1)
def f():
    a = 0
    class C:
        nonlocal a
        get = lambda: a
        a = 1
    return (a, C.get())
probe_call("result", f)
