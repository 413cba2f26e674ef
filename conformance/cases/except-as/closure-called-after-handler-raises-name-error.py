# area: except-as
# level: language
# min_version: 3.0
# spec: Language Reference 8.4 "The try statement" (the `as` target is deleted at the end of the except clause); 4.2.2 "Resolution of names"
# description: A closure that captured the `except ... as` name raises NameError, not UnboundLocalError, when called after the handler ended.
# expect: inside == 'boom'
# expect: after raises NameError
def outer():
    def read():
        return e.args[0]
    try:
        raise ValueError('boom')
    except ValueError as e:
        probe_call("inside", read)
    return read
probe_call("after", outer())
