# area: unbound
# level: cpython-detail
# min_version: 3.0
# spec: CPython's format_exc_unbound (Python/ceval.c): a cell variable of the running function gets UNBOUNDLOCAL_ERROR_MSG
# description: Reading a captured variable in its own function before assignment gives the local-variable message, not the free-variable one.
# expect[<3.11]: read.message == "local variable 'x' referenced before assignment"
# expect[>=3.11]: read.message == "cannot access local variable 'x' where it is not associated with a value"
def outer():
    def inner():
        return x
    y = x
    x = 1
probe_call("read", outer)
