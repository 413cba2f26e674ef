# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.8 "Generator expressions" (only the first iterable is evaluated at once; the rest runs in a nested scope when consumed)
# description: The element expression of a generator expression reads the enclosing variable when the generator is consumed, not when it is created.
# expect: result == [10, 20, 30]
def outer():
    k = 1
    g = (v * k for v in [1, 2, 3])
    k = 10
    return list(g)
probe_call("result", outer)
