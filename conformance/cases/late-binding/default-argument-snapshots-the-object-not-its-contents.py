# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 8.7 "Function definitions" (the default is the same pre-computed value for each call)
# description: A default argument snapshots which object a variable named, so a later rebinding is not seen but a mutation of that object is.
# expect: result == ['first', 'appended']
def outer():
    items = ['first']
    def inner(snapshot=items):
        return snapshot
    items.append('appended')
    items = ['rebound']
    return inner
probe_call("result", outer())
