# area: comprehension-scope
# level: language
# min_version: 3.8
# spec: Language Reference 6.12 "Assignment expressions"; PEP 572 "Scope of the target" (in a comprehension the target is bound in the containing scope)
# description: An assignment expression inside a list comprehension binds the name in the enclosing function, which sees the last value.
# expect: result == ([0, 1, 2], 2)
def f():
    r = [(last := i) for i in range(3)]
    return r, last
probe_call("result", f)
