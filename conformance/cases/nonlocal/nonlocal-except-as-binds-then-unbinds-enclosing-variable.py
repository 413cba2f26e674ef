# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 8.4 "The try statement" (except ... as assigns the target and deletes it at the end of the handler)
# description: except ... as with a nonlocal target binds the exception in the enclosing variable during the handler, and the implicit delete at its end unbinds it there.
# expect: during == 'ValueError'
# expect: after raises UnboundLocalError
def outer():
    x = 'start'
    def peek():
        return type(x).__name__
    def handle():
        nonlocal x
        try:
            raise ValueError
        except ValueError as x:
            probe("during", peek())
    handle()
    return x
probe_call("after", outer)
