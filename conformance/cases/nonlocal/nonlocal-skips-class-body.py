# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 4.2.2 "Resolution of names" (class-body names are not visible to nested scopes)
# description: nonlocal in a method skips the class body's binding of the name and rebinds the enclosing function's variable.
# expect: result == ('from method', 'class attribute')
def outer():
    x = 'function local'
    class C:
        x = 'class attribute'
        def m(self):
            nonlocal x
            x = 'from method'
    C().m()
    return x, C.x
probe_call("result", outer)
