# area: unbound
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"
# description: A function that reads a name before the assignment that makes it local raises exactly UnboundLocalError.
# expect: read raises UnboundLocalError
def f():
    y = x
    x = 1
    return y
probe_call("read", f)
