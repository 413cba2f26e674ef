# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 4.2.2 "Resolution of names"
# description: nonlocal in an inner function passes over a middle function that does not bind the name and rebinds the outer function's variable.
# expect: result == 'changed'
def outer():
    x = 'outer'
    def middle():
        def inner():
            nonlocal x
            x = 'changed'
        inner()
    middle()
    return x
probe_call("result", outer)
