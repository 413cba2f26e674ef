# area: unbound
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (a comprehension runs in its own nested scope); 4.2.2 "Resolution of names"
# description: A list comprehension reading an enclosing function's variable before it is assigned raises NameError: the name is free in the comprehension's scope, not one of its locals.
# expect: read raises NameError
def f():
    r = [x for _ in range(1)]
    x = 1
    return r
probe_call("read", f)
