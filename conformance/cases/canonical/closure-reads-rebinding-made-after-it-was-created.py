# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 4.2.1 "Binding of names"
# description: Seeds 000 and 003 say a closure "binds the current state" / the value "bound when the closure was created"; the Reference decides: it reads the variable when called, so a later rebinding shows.
# expect: result == 'after'
def outer():
    state = 'before'
    def inner():
        return state
    state = 'after'
    return inner
probe_call("result", outer())
