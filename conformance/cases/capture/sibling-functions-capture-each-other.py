# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"
# description: Two nested functions that call each other each capture the other's name from the enclosing function.
# expect: result == [True, False, True]
def outer():
    def is_even(n):
        return True if n == 0 else is_odd(n - 1)
    def is_odd(n):
        return False if n == 0 else is_even(n - 1)
    return [is_even(4), is_even(7), is_odd(3)]
probe_call("result", outer)
