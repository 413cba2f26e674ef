# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 8.5 "The with statement" (the value of __enter__ is assigned to the target)
# description: with ... as binds the value of __enter__() to a nonlocal name in the enclosing function.
# expect: result == 'entered'
class Manager:
    def __enter__(self):
        return 'entered'
    def __exit__(self, *exc):
        return False
def outer():
    x = 'start'
    def use():
        nonlocal x
        with Manager() as x:
            pass
    use()
    return x
probe_call("result", outer)
