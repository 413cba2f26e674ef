# area: cell-sharing
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 8.7 "Function definitions" (the body runs anew at each call)
# description: Two accumulators from two calls each append to their own list.
# expect: result == (['a1', 'a2'], ['b1', 'b2'])
def make_acc():
    items = []
    def add(v):
        items.append(v)
        return items
    return add
a = make_acc()
b = make_acc()
a('a1')
b('b1')
probe("result", (a('a2'), b('b2')))
