# area: unbound
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 7.5 "The del statement"
# description: After `del x` a local is unbound again, and reading it raises UnboundLocalError (not the global).
# expect: read raises UnboundLocalError
x = "global"
def f():
    x = 1
    del x
    return x
probe_call("read", f)
