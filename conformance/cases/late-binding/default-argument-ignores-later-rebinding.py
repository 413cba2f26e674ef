# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 8.7 "Function definitions" (default parameter values are evaluated once, when the definition is executed); 4.2.2 "Resolution of names"
# description: In one function a default argument keeps the value from definition time while a free variable of the same origin shows the later rebinding.
# expect: result == ('early', 'late')
def outer():
    x = 'early'
    def inner(snapshot=x):
        return snapshot, x
    x = 'late'
    return inner
probe_call("result", outer())
