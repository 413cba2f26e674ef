# area: cell-sharing
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 4.2.2 "Resolution of names"
# description: One nonlocal write is seen by a sibling lambda, a sibling generator and a closure nested one level deeper.
# expect: result == [5, 5, 5]
def outer():
    x = 0
    def write():
        nonlocal x
        x = 5
    lam = lambda: x
    def gen():
        yield x
    def middle():
        def deep():
            return x
        return deep
    deep = middle()
    write()
    return [lam(), next(gen()), deep()]
probe_call("result", outer)
