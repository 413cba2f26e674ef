# area: comprehension-scope
# level: language
# min_version: 3.8
# spec: Language Reference 6.12 "Assignment expressions"; PEP 572 "Scope of the target" (the containing scope is the nearest one that is not a comprehension)
# description: An assignment expression in a comprehension nested in another comprehension binds in the enclosing function, not in the outer comprehension.
# expect: result == 2
def f():
    [[(t := j) for j in range(i)] for i in range(4)]
    return t
probe_call("result", f)
