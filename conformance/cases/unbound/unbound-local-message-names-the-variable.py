# area: unbound
# level: cpython-detail
# min_version: 3.0
# spec: CPython's UNBOUNDLOCAL_ERROR_MSG (Python/ceval.c), reworded in 3.11
# description: The message of UnboundLocalError for an unassigned local names the variable; its wording changed in 3.11.
# expect[<3.11]: read.message == "local variable 'x' referenced before assignment"
# expect[>=3.11]: read.message == "cannot access local variable 'x' where it is not associated with a value"
def f():
    y = x
    x = 1
probe_call("read", f)
