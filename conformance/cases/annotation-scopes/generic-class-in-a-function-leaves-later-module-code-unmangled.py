# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 6.2.1.1 "Private name mangling" (only identifiers within a class definition are mangled)
# description: After a function that defines a generic class B[T], a module-level lambda reads the global __p: nothing there is in a class, so the name is __p and the lambda returns 0.
# expect: result == 0
__p = 0
def f():
    class B[T]:
        pass
probe_call("result", lambda: __p)
