# area: class-scope
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (class scope is skipped when resolving free variables of methods)
# description: For a class defined inside a function, a method's free variable resolves to the function's variable, skipping the class body's binding of the same name.
# expect: read == "function"
# expect: attribute == "class"
def f():
    x = "function"
    class C:
        x = "class"
        def m(self):
            return x
    return C
C = f()
probe_call("read", C().m)
probe("attribute", C.x)
