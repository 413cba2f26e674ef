# area: unbound
# level: language
# min_version: 3.2
# spec: Language Reference 7.13 "The nonlocal statement"; 7.5 "The del statement"; 4.2.2 "Resolution of names"
# description: `del` through `nonlocal` unbinds the enclosing function's variable; that function's own read then raises UnboundLocalError.
# expect: read raises UnboundLocalError
def outer():
    x = 1
    def drop():
        nonlocal x
        del x
    drop()
    return x
probe_call("read", outer)
