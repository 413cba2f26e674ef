# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 4.2.4 "Annotation scopes"; 8.7 (type parameters are bound in the annotation scope only, not in the scope that contains the definition)
# description: After `def f[T]()` and `class C[U]`, the names T and U are not bound where f and C are defined; a global T keeps its value.
# expect: u raises NameError
# expect: t == "global T"
T = "global T"
def f[T]():
    return T
class C[U]:
    pass
probe_call("u", lambda: U)
probe("t", T)
