# area: introspection
# level: language
# min_version: 3.0
# spec: Library "Built-in Functions": locals ("Free variables are returned by locals() when it is called in function blocks"); Language Reference 6.2.4 (a comprehension's iteration variable belongs to the comprehension's scope, not to the function)
# description: locals() in a function lists the free variable b that it passes on to a nested function, also when a comprehension later in the function iterates over a variable named b.
# expect: result == ["b", "inner"]
def outer():
    b = 0
    def mid():
        def inner():
            return b
        names = sorted(locals())
        [1 for b in range(1)]
        return names
    return mid()
probe_call("result", outer)
