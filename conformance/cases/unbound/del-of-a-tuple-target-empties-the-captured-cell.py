# area: unbound
# level: language
# min_version: 3.2
# spec: Language Reference 7.5 "The del statement" (deletion of a target list recursively deletes each target, left to right; deleting a name used by a nested block is allowed since 3.2); 4.2.2 "Resolution of names"
# description: `del (a, b)` unbinds both names: a closure reading b then raises NameError, the function's own read of a raises UnboundLocalError.
# expect: before == 2
# expect: after raises NameError
# expect: own == 'UnboundLocalError'
def outer():
    a, b = 1, 2
    get = lambda: b
    probe_call("before", get)
    del (a, b)
    probe_call("after", get)
    try:
        a
        return 'bound'
    except NameError as e:
        return type(e).__name__
probe_call("own", outer)
