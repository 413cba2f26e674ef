# area: except-as
# level: language
# min_version: 3.0
# spec: Language Reference 8.4 "The try statement" (the deletion happens at the end of the handler, whatever the name holds then)
# description: Rebinding the `as` name inside the handler does not save it: a closure reading it after the handler raises NameError.
# expect: during == 'rebound'
# expect: after raises NameError
def outer():
    read = lambda: e
    try:
        raise ValueError
    except ValueError as e:
        e = 'rebound'
        probe_call("during", read)
    return read
probe_call("after", outer())
