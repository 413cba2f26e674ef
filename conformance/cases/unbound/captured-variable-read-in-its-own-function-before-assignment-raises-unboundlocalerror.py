# area: unbound
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"
# description: A variable captured by a nested function is still a local of its own function; reading it there before assignment raises UnboundLocalError.
# expect: read raises UnboundLocalError
def outer():
    def inner():
        return x
    y = x
    x = 1
    return inner
probe_call("read", outer)
