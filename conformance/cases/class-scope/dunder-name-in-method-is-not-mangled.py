# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.1 "Identifiers (Names)", private name mangling (names that end in two or more underscores are not private names)
# description: A method reading `__tag__` is not mangled, so it captures the enclosing function's `__tag__`.
# expect: result == 'enclosing dunder'
def outer():
    __tag__ = 'enclosing dunder'
    class C:
        def method(self):
            return __tag__
    return C().method()
probe_call("result", outer)
