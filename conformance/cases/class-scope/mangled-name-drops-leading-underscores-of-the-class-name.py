# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.1 "Identifiers (Names)", private name mangling (the class name with leading underscores removed is inserted; a class name of only underscores means no transformation)
# description: In class `__Hidden` a method's `__x` is `_Hidden__x`; in class `___` (only underscores) it stays `__x`; each resolves to the enclosing function's variable of that spelling.
# expect: result == ('hidden', 'unmangled')
def outer():
    _Hidden__x = 'hidden'
    __x = 'unmangled'
    class __Hidden:
        def method(self):
            return __x
    class ___:
        def method(self):
            return __x
    return __Hidden().method(), ___().method()
probe_call("result", outer)
