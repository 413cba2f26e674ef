# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (in a class block, unbound local variables are looked up in the global namespace)
# description: With no global of that name, a class body reading its own not-yet-assigned name raises NameError (not UnboundLocalError), although the enclosing function binds it.
# expect: read raises NameError
def f():
    x = "function"
    class C:
        y = x
        x = "class"
    return C.y
probe_call("read", f)
