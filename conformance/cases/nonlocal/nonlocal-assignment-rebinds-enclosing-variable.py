# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 7.2 "Assignment statements"
# description: A plain assignment to a name declared nonlocal rebinds the enclosing function's variable.
# expect: result == 'assigned'
def outer():
    x = 'original'
    def inner():
        nonlocal x
        x = 'assigned'
    inner()
    return x
probe_call("result", outer)
