# area: cell-sharing
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"
# description: When the outer function rebinds a captured variable after making two closures, both closures read the new value.
# expect: result == ['new', 'new!']
def outer():
    x = 'old'
    plain = lambda: x
    loud = lambda: x + '!'
    x = 'new'
    return plain, loud
plain, loud = outer()
probe("result", [plain(), loud()])
