# area: syntax-errors
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.1 "Identifiers (Names)", private name mangling; 7.13 "The nonlocal statement" (names must refer to pre-existing bindings in an enclosing function scope, else SyntaxError)
# description: `nonlocal __count` in a method of class C names `_C__count`; the enclosing function binds only the unmangled `__count`, so the program does not compile.
# negative: SyntaxError
def outer():
    __count = 0
    class C:
        def bump(self):
            nonlocal __count
            __count += 1
    return C
