# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (names not bound in any enclosing function are looked up in the global namespace, then builtins)
# description: A nested function reading a name its enclosing function does not bind reads the module global when called, not a captured copy.
# expect: before == 'first'
# expect: after == 'second'
g = 'first'
def outer():
    def inner():
        return g
    return inner
inner = outer()
probe_call("before", inner)
g = 'second'
probe_call("after", inner)
