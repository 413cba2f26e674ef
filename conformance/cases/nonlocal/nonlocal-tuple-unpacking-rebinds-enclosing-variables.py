# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 7.2 "Assignment statements" (target lists, starred targets)
# description: One nonlocal statement naming two variables lets an unpacking assignment with a starred target rebind both.
# expect: result == (1, [2, 3])
def outer():
    a = b = None
    def inner():
        nonlocal a, b
        a, *b = [1, 2, 3]
    inner()
    return a, b
probe_call("result", outer)
