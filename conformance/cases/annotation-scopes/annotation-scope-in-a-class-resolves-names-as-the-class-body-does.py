# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 4.2.4 "Annotation scopes" (an annotation scope in a class resolves names as if executed in the class body); 4.2.2 (a class body's unbound local is looked up in the global namespace; a free name in the enclosing function)
# description: A type alias in a class body reads x the way the class body would: the global x when the class later binds its own x, the enclosing function's x when it does not.
# expect: result == ("global", "nonlocal")
x = "global"
def outer():
    x = "nonlocal"
    class A:
        type V = x
        val = V.__value__
        x = "class"
    class B:
        type V = x
        val = V.__value__
    return A.val, B.val
probe_call("result", outer)
