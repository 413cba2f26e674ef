# area: except-as
# level: language
# min_version: 3.0
# spec: Language Reference 8.4 "The try statement"; 4.2.2 "Resolution of names"
# description: A closure that saw the name's earlier value sees the exception during the handler, and an empty cell (NameError) after it.
# expect: before == 'before'
# expect: during == 'ValueError'
# expect: after raises NameError
def outer():
    e = 'before'
    read = lambda: e if isinstance(e, str) else type(e).__name__
    probe_call("before", read)
    try:
        raise ValueError
    except ValueError as e:
        probe_call("during", read)
    return read
probe_call("after", outer())
