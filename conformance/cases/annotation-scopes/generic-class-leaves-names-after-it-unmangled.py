# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 6.2.1.1 "Private name mangling" (only identifiers within a class definition are mangled, with that class's name) and 4.2.4 "Annotation scopes"
# description: A function binds __q, defines a generic class X[T], then reads __q: the read is outside the class, so it is not mangled to _X__q, and gives 1.
# expect: result == 1
def f():
    __q = 1
    class X[T]:
        pass
    return __q
probe_call("result", f)
