# area: introspection
# level: data-model
# min_version: 3.0
# spec: Built-in functions: locals() ("free variables are returned by locals() when it is called in function blocks, but not in class blocks")
# description: A class body inside a function reads the function's variable, but locals() in the class body does not list it.
# expect: seen == 1
# expect: listed == False
def outer():
    x = 1
    class C:
        seen = x
        listed = 'x' in locals()
    return C
C = outer()
probe("seen", C.seen)
probe("listed", C.listed)
