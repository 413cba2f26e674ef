# area: closure-attribute
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__ is a special read-only attribute)
# description: Assigning or deleting __closure__ raises AttributeError, whether the function has a closure or not, and the closure stays as it was.
# expect: assign_closure raises AttributeError
# expect: assign_none raises AttributeError
# expect: delete raises AttributeError
# expect: still == 7
def outer():
    x = 7
    def inner():
        return x
    return inner
f = outer()
def plain():
    return 0
probe_call("assign_closure", setattr, f, "__closure__", None)
probe_call("assign_none", setattr, plain, "__closure__", f.__closure__)
probe_call("delete", delattr, f, "__closure__")
probe_call("still", f)
