# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries"; 4.2.2 "Resolution of names"
# description: Lambdas made in a comprehension capture the comprehension's own variable, not the function's, and all read its last value.
# expect: result == ([2, 2, 2], "outer")
def f():
    i = "outer"
    fs = [lambda: i for i in range(3)]
    return [g() for g in fs], i
probe_call("result", f)
