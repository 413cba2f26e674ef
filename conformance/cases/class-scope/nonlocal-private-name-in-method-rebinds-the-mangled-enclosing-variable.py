# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.1 "Identifiers (Names)", private name mangling (independent of the syntactic context: also in a nonlocal statement); 7.13 "The nonlocal statement"
# description: `nonlocal __count` in a method of class C names `_C__count`, so it rebinds the enclosing function's `_C__count`.
# expect: result == 2
def outer():
    _C__count = 0
    class C:
        def bump(self):
            nonlocal __count
            __count += 1
    C().bump()
    C().bump()
    return _C__count
probe_call("result", outer)
