# area: unbound
# level: language
# min_version: 3.2
# spec: Language Reference 4.2.2 "Resolution of names"; 7.5 "The del statement"
# description: After `del` of a local that a nested function captures, reading it in its own function raises UnboundLocalError, not NameError.
# expect: read raises UnboundLocalError
def outer():
    x = 1
    def inner():
        return x
    del x
    return x
probe_call("read", outer)
