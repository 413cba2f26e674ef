# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"
# description: When a middle function declares the name nonlocal and an inner function does too, the inner write reaches the outermost variable.
# expect: result == ('inner', 'inner')
def outer():
    x = 'outer'
    def middle():
        nonlocal x
        def inner():
            nonlocal x
            x = 'inner'
        inner()
        return x
    seen_by_middle = middle()
    return x, seen_by_middle
probe_call("result", outer)
