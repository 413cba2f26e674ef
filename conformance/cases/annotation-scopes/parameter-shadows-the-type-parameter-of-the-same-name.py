# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 4.2.4 "Annotation scopes" (the function's scope is nested in the annotation scope of its type parameters); 8.7 "Function definitions" (parameters are bound in the function's scope)
# description: A parameter named like the function's type parameter shadows it in the body: the argument, not the type variable.
# expect: result == (1, (1,))
def f[A](A):
    return A
def g[A](*A):
    return A
probe("result", (f(1), g(1)))
