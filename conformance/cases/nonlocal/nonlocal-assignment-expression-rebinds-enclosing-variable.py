# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 6.12 "Assignment expressions"
# description: An assignment expression on a nonlocal name rebinds the enclosing function's variable.
# expect: result == (6, 6)
def outer():
    x = 0
    def inner():
        nonlocal x
        return (x := 6)
    returned = inner()
    return x, returned
probe_call("result", outer)
