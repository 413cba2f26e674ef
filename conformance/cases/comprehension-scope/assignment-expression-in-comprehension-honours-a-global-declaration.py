# area: comprehension-scope
# level: language
# min_version: 3.8
# spec: Language Reference 6.12 "Assignment expressions"; 7.12 "The global statement"; PEP 572 "Scope of the target" (honouring a global declaration in the containing scope)
# description: When the enclosing function declares the target global, an assignment expression in its comprehension binds the module's variable.
# expect: g == 1
g = "unset"
def f():
    global g
    [(g := i) for i in range(2)]
f()
probe("g", g)
