# area: except-as
# level: language
# min_version: 3.0
# spec: Language Reference 8.4 "The try statement"; 7.13 "The nonlocal statement"; 4.2.2 "Resolution of names"
# description: A handler whose `as` name is nonlocal deletes the enclosing function's variable; the enclosing function then gets UnboundLocalError reading it.
# expect: result raises UnboundLocalError
def outer():
    e = 'kept?'
    def handle():
        nonlocal e
        try:
            raise ValueError
        except ValueError as e:
            pass
    handle()
    return e
probe_call("result", outer)
