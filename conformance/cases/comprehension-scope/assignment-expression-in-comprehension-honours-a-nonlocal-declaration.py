# area: comprehension-scope
# level: language
# min_version: 3.8
# spec: Language Reference 6.12 "Assignment expressions"; 7.13 "The nonlocal statement"; PEP 572 "Scope of the target" (honouring a nonlocal declaration in the containing scope)
# description: When the enclosing function declares the target nonlocal, an assignment expression in its comprehension rebinds the outer function's variable.
# expect: result == (2, "global")
n = "global"
def outer():
    n = 0
    def inner():
        nonlocal n
        [(n := i) for i in range(3)]
    inner()
    return n, globals()["n"]
probe_call("result", outer)
