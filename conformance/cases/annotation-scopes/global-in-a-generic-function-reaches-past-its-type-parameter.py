# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 7.12 "The global statement"; 4.2.4 "Annotation scopes" (a global declaration in the function makes the name global there, whatever the annotation scope binds)
# description: A generic function that declares its type parameter's name global assigns the module's variable, and the type parameter stays in __type_params__.
# expect: result == (2, "X")
X = 1
def outer():
    def inner[X]():
        global X
        X = 2
    return inner
f = outer()
f()
probe("result", (X, f.__type_params__[0].__name__))
