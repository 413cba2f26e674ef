# area: unbound
# level: cpython-detail
# min_version: 3.2
# spec: CPython's format_exc_unbound (Python/ceval.c), messages reworded in 3.11
# description: After `del` of a captured local, reading it in its own function gives the local-variable message, not the free-variable one.
# expect[<3.11]: read.message == "local variable 'x' referenced before assignment"
# expect[>=3.11]: read.message == "cannot access local variable 'x' where it is not associated with a value"
def outer():
    x = 1
    def inner():
        return x
    del x
    return x
probe_call("read", outer)
