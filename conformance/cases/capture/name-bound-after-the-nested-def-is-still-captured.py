# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.1 "Binding of names" (a binding anywhere in a block makes the name local to the whole block); 4.2.2 "Resolution of names"
# description: A name the enclosing function binds only after the nested def is still that function's local and is captured.
# expect: result == 'late'
def outer():
    def inner():
        return x
    x = 'late'
    return inner()
probe_call("result", outer)
