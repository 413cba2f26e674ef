# area: capture
# level: language
# min_version: 3.10
# spec: Language Reference 8.6.4.8 "Sequence Patterns" (the remaining subject items are bound to the star name as a list); 4.2.2 "Resolution of names"
# description: A lambda made in a case block captures both the first item and the star name, which holds the rest as a list even for a tuple subject.
# expect: result == (1, [2, 3])
def outer(subject):
    match subject:
        case [a, *rest]:
            get = lambda: (a, rest)
    return get
probe_call("result", outer((1, 2, 3)))
