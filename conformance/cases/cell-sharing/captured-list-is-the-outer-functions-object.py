# area: cell-sharing
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; Data model 3.1 "Objects, values and types"
# description: A closure reads the very list object the outer function made, so a mutation by the caller through another reference is seen.
# expect: same == True
# expect: result == [1, 2]
def outer():
    items = [1]
    def get():
        return items
    return items, get
items, get = outer()
probe("same", get() is items)
items.append(2)
probe_call("result", get)
