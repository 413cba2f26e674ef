# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 7.13 "The nonlocal statement" (the nearest enclosing function scope that binds the name); 4.2.4 "Annotation scopes" (only names bound in the annotation scope itself cannot be rebound with nonlocal)
# description: In a generic function whose body binds T as a local, a nested function may declare T nonlocal: it rebinds that local, which a closure sees.
# expect: result == "inner"
def outer[T]():
    T = "outer"
    get = lambda: T
    def inner():
        nonlocal T
        T = "inner"
    inner()
    return get()
probe_call("result", outer)
