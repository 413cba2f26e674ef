# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.1 "Identifiers (Names)", private name mangling (applies to every identifier textually inside the class, including lambdas and comprehensions); 4.2.2 "Resolution of names"
# description: `__secret` in a class body, in a lambda in it and in a comprehension's element is `_C__secret`, read from the enclosing function's `_C__secret`, not its unmangled `__secret`.
# expect: result == ('enclosing mangled', 'enclosing mangled', ['enclosing mangled'])
def outer():
    _C__secret = 'enclosing mangled'
    __secret = 'enclosing plain'
    class C:
        direct = __secret
        get = lambda self: __secret
        items = [__secret for _ in range(1)]
    return C.direct, C().get(), C.items
probe_call("result", outer)
