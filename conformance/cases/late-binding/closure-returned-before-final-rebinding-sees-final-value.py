# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"
# description: A closure made while a variable held one value and called after the outer function rebound it and returned reads the last value.
# expect: result == 'last'
def outer():
    x = 'at definition'
    def inner():
        return x
    x = 'middle'
    x = 'last'
    return inner
probe_call("result", outer())
