# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 7.2.1 "Augmented assignment statements"
# description: An augmented assignment to a nonlocal name reads and rebinds the enclosing variable.
# expect: result == 15
def outer():
    total = 10
    def add(v):
        nonlocal total
        total += v
    add(2)
    add(3)
    return total
probe_call("result", outer)
