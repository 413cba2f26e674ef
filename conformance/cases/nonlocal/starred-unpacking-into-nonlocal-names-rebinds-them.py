# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.2 "Assignment statements" (a starred target is assigned a list of the remaining items); 7.13 "The nonlocal statement"
# description: `a, *b = ...` with a and b declared nonlocal rebinds both enclosing variables; b becomes a list.
# expect: result == (1, [2, 3])
def outer():
    a = None
    b = None
    def inner():
        nonlocal a, b
        a, *b = (1, 2, 3)
    inner()
    return a, b
probe_call("result", outer)
