# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 7.2.1 "Augmented assignment statements"
# description: Augmented assignment on an immutable tuple through nonlocal binds a new tuple in the enclosing variable, leaving another reference to the old one unchanged.
# expect: result == ((1, 2), (1,))
def outer():
    t = (1,)
    old = t
    def grow():
        nonlocal t
        t += (2,)
    grow()
    return t, old
probe_call("result", outer)
