# area: closure-attribute
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__); code objects (co_freevars)
# description: A module-level function has no free variables, so its __closure__ is None and co_freevars is empty.
# expect: f.closure == None
# expect: f.freevars == ()
y = 1
def f(a):
    return a + y + len("")
probe_closure("f", f)
