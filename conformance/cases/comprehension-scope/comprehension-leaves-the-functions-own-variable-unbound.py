# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries"; 4.2.2 "Resolution of names"
# description: A comprehension using the name of a not-yet-assigned local of its function as iteration variable does not bind that local: reading it afterwards raises UnboundLocalError.
# expect: read raises UnboundLocalError
def f():
    [x for x in range(3)]
    y = x
    x = "late"
    return y
probe_call("read", f)
