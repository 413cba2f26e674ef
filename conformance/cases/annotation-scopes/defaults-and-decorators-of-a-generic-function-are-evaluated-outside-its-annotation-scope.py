# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 8.7 "Function definitions" (generic functions: decorators and default values are evaluated outside the annotation scope of the type parameters)
# description: A default naming the type parameter's name reads the enclosing T, not the type variable; a decorator naming a type parameter that exists only inside the scope raises NameError.
# expect: default == "global"
# expect: decorated raises NameError
T = "global"
def f[T](a=T):
    return a
probe_call("default", f)
def deco(x):
    return lambda function: function
def define():
    @deco(U)
    def g[U]():
        pass
probe_call("decorated", define)
