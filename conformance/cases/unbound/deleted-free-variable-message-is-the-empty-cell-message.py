# area: unbound
# level: cpython-detail
# min_version: 3.2
# spec: CPython's UNBOUNDFREE_ERROR_MSG (Python/ceval.c), reworded in 3.11
# description: A free variable emptied by `del` in the enclosing function gives the same message as one never assigned.
# expect[<3.11]: read.message == "free variable 'x' referenced before assignment in enclosing scope"
# expect[>=3.11]: read.message == "cannot access free variable 'x' where it is not associated with a value in enclosing scope"
def outer():
    x = 1
    def inner():
        return x
    del x
    probe_call("read", inner)
outer()
