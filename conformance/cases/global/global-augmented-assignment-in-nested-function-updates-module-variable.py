# area: global
# level: language
# min_version: 3.0
# spec: Language Reference 7.12 "The global statement"; 7.2.1 "Augmented assignment statements"
# description: Augmented assignment to a global-declared name in a nested function reads and rebinds the module variable, not the enclosing one.
# expect: enclosing == 100
# expect: module == 3
count = 1
def outer():
    count = 100
    def bump():
        global count
        count += 1
    bump()
    bump()
    return count
probe_call("enclosing", outer)
probe("module", count)
