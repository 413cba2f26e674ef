# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.1 "Identifiers (Names)", private name mangling (__x textually inside class C becomes _C__x, whatever the context); 4.2.2 "Resolution of names"
# description: A method's `__x` is `_C__x`: an enclosing function's `__x` (outside any class, not mangled) is not found, so the read raises NameError; an enclosing `_C__x` is found.
# expect: plain raises NameError
# expect: spelled == 'spelled mangled'
def plain():
    __x = 'enclosing'
    class C:
        def method(self):
            return __x
    return C().method
def spelled():
    _C__x = 'spelled mangled'
    class C:
        def method(self):
            return __x
    return C().method
probe_call("plain", plain())
probe_call("spelled", spelled())
