# area: cell-sharing
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"
# description: After a nested function rebinds a variable through nonlocal, the enclosing function itself reads the new value.
# expect: result == ('before', 'after')
def outer():
    x = 'before'
    seen = x
    def change():
        nonlocal x
        x = 'after'
    change()
    return seen, x
probe_call("result", outer)
