# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"
# description: A closure called before and after its enclosing function rebinds the variable returns the value current at each call.
# expect: result == ['first', 'second']
def outer():
    x = 'first'
    def inner():
        return x
    seen = [inner()]
    x = 'second'
    seen.append(inner())
    return seen
probe_call("result", outer)
