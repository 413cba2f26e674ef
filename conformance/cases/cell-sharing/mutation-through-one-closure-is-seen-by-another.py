# area: cell-sharing
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; Data model 3.1 "Objects, values and types" (mutable objects)
# description: A closure that appends to a captured list without nonlocal changes the list its sibling reads, because both refer to one object.
# expect: result == ['a', 'b']
def outer():
    items = []
    def add(v):
        items.append(v)
    def show():
        return list(items)
    return add, show
add, show = outer()
add('a')
add('b')
probe_call("result", show)
