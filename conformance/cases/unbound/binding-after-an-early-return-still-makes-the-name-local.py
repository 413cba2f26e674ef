# area: unbound
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (a name bound anywhere in a block is local to the whole block; a local read before binding raises UnboundLocalError; a free variable read before its enclosing binding raises NameError)
# description: An assignment after an early return is never executed but still makes the name local: the function's own read raises UnboundLocalError, a closure's read raises NameError; the global is not used.
# expect: own raises UnboundLocalError
# expect: closure raises NameError
x = 'global'
def own():
    return x
    x = 1
def outer():
    get = lambda: x
    return get
    x = 1
probe_call("own", own)
probe_call("closure", outer())
