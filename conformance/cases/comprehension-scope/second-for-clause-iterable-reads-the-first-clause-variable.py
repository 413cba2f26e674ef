# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (the for clauses nest from left to right, later iterables evaluated inside the comprehension's scope); 4.2.2 "Resolution of names"
# description: The second for clause iterates over the first clause's variable; lambdas made in the element all read both variables' final values.
# expect: result == ([1, 2, 3], [((3,), 3), ((3,), 3), ((3,), 3)])
def outer():
    rows = [(1, 2), (3,)]
    flat = [x for row in rows for x in row]
    fs = [lambda: (row, x) for row in rows for x in row]
    return flat, [f() for f in fs]
probe_call("result", outer)
