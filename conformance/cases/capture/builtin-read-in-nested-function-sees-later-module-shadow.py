# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (global namespace searched before builtins, at the time of the lookup)
# description: A builtin read in a nested function is not captured: a module global of the same name made later shadows it at the next call.
# expect: before == 3
# expect: after == 'shadowed'
def outer():
    def inner():
        return len('abc')
    return inner
inner = outer()
probe_call("before", inner)
def len(obj):
    return 'shadowed'
probe_call("after", inner)
