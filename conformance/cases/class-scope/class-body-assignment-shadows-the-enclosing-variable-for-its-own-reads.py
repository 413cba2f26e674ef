# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (a name bound in a block is local to that block)
# description: A class body that assigns a name which is also a captured variable of the enclosing function reads its own binding, and the function's variable is untouched.
# expect: result == ("class", "class", "function", "function")
def f():
    x = "function"
    class C:
        x = "class"
        y = x
    def g():
        return x
    return C.y, C.x, x, g()
probe_call("result", f)
