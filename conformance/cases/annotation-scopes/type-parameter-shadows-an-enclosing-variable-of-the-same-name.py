# area: annotation-scopes
# level: language
# min_version: 3.12
# spec: Language Reference 4.2.4 "Annotation scopes"; 4.2.2 "Resolution of names" (the nearest enclosing scope that binds the name wins)
# description: A generic function's body reads its own type parameter T, not the enclosing function's variable T, and the enclosing variable is untouched.
# expect: result == ("T", 1)
def outer():
    T = 1
    def inner[T]():
        return T.__name__
    return inner(), T
probe_call("result", outer)
