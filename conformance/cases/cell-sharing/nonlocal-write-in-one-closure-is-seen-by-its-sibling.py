# area: cell-sharing
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 4.2.2 "Resolution of names"
# description: A setter closure that rebinds a variable through nonlocal changes what a getter closure from the same call reads.
# expect: before == 'initial'
# expect: after == 'changed'
def outer():
    value = 'initial'
    def get():
        return value
    def set(v):
        nonlocal value
        value = v
    return get, set
get, set = outer()
probe_call("before", get)
set('changed')
probe_call("after", get)
