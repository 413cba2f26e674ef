# area: unbound
# level: language
# min_version: 3.2
# spec: Language Reference 7.13 "The nonlocal statement"; 7.5 "The del statement"; 4.2.2 "Resolution of names"
# description: When one closure deletes a shared variable through `nonlocal`, a sibling closure's read raises NameError, not UnboundLocalError.
# expect: before == 1
# expect: after raises NameError
def outer():
    x = 1
    def drop():
        nonlocal x
        del x
    def read():
        return x
    return drop, read
drop, read = outer()
probe_call("before", read)
drop()
probe_call("after", read)
