# area: unbound
# level: cpython-detail
# min_version: 3.0
# spec: CPython's UNBOUNDFREE_ERROR_MSG (Python/ceval.c), reworded in 3.11
# description: The NameError for a free variable whose cell is still empty says the name is free and unbound in the enclosing scope; its wording changed in 3.11.
# expect[<3.11]: read.message == "free variable 'x' referenced before assignment in enclosing scope"
# expect[>=3.11]: read.message == "cannot access free variable 'x' where it is not associated with a value in enclosing scope"
def outer():
    def inner():
        return x
    probe_call("read", inner)
    x = 1
outer()
