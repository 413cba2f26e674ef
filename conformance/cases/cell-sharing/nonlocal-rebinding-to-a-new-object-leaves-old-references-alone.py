# area: cell-sharing
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; Data model 3.1 "Objects, values and types"
# description: Rebinding a captured name to a new list is seen by the sibling closure, while an old reference to the first list stays as it was.
# expect: result == (['fresh'], ['kept'])
def outer():
    items = ['kept']
    def reset():
        nonlocal items
        items = []
    def get():
        return items
    return reset, get
reset, get = outer()
old = get()
reset()
get().append('fresh')
probe("result", (get(), old))
