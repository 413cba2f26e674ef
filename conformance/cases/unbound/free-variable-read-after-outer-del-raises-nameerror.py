# area: unbound
# level: language
# min_version: 3.2
# spec: Language Reference 4.2.2 "Resolution of names"; 7.5 "The del statement" (deleting a name used by a nested block is allowed since 3.2)
# description: After the enclosing function deletes a captured variable, the closure's read raises NameError, not UnboundLocalError.
# expect: before == 1
# expect: after raises NameError
def outer():
    x = 1
    def inner():
        return x
    probe_call("before", inner)
    del x
    probe_call("after", inner)
outer()
