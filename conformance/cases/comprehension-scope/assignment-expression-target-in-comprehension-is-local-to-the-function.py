# area: comprehension-scope
# level: language
# min_version: 3.8
# spec: Language Reference 6.12 "Assignment expressions"; PEP 572 "Scope of the target"; 4.2.2 "Resolution of names"
# description: The target of an assignment expression in a comprehension is a local of the enclosing function, so reading it earlier in the function raises UnboundLocalError instead of seeing the global.
# expect: read raises UnboundLocalError
y = "global"
def f():
    before = y
    [(y := i) for i in range(2)]
    return before
probe_call("read", f)
