# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (later iterables are evaluated in the comprehension's own scope); 4.2.2 "Resolution of names"
# description: A lambda called in the second for clause's iterable captures the first clause's variable and the enclosing function's variable.
# expect: result == [(0, 0), (0, 1), (1, 1)]
def outer():
    n = 2
    return [(i, j) for i in range(3) for j in (lambda: range(i, n))()]
probe_call("result", outer)
