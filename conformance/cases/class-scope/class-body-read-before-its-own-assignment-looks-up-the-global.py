# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (in a class block, unbound local variables are looked up in the global namespace)
# description: A class body that reads a name before assigning it gets the global, not the enclosing function's variable of that name.
# expect: read == "global"
x = "global"
def f():
    x = "function"
    class C:
        y = x
        x = "class"
    return C.y
probe_call("read", f)
