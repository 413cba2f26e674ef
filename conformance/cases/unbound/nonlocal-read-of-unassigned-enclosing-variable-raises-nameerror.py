# area: unbound
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 4.2.2 "Resolution of names"
# description: Reading a `nonlocal` name whose enclosing variable is not yet assigned raises NameError, not UnboundLocalError.
# expect: read raises NameError
def outer():
    def inner():
        nonlocal x
        return x
    probe_call("read", inner)
    x = 1
outer()
