# area: closure-attribute
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__); Language Reference 4.2.2 "Resolution of names"
# description: A nested function that reads only globals and builtins captures nothing: __closure__ is None.
# expect: inner.closure == None
# expect: inner.freevars == ()
g = 10
def outer():
    def inner():
        return len([g])
    return inner
probe_closure("inner", outer())
