# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 8.6.4.4 "Capture Patterns" (a capture pattern is a binding of the name, honouring a nonlocal declaration)
# description: A capture pattern whose name is declared nonlocal rebinds the enclosing function's variable.
# expect: result == 'matched'
def outer():
    x = 'start'
    def inner(subject):
        nonlocal x
        match subject:
            case [x]:
                pass
    inner(['matched'])
    return x
probe_call("result", outer)
