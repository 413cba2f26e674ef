# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 7.5 "The del statement"; 4.2.2 "Resolution of names" (UnboundLocalError for a local not bound)
# description: del of a nonlocal name unbinds the enclosing function's variable, so the enclosing function's next read of it raises UnboundLocalError.
# expect: result raises UnboundLocalError
def outer():
    x = 'bound'
    def drop():
        nonlocal x
        del x
    drop()
    return x
probe_call("result", outer)
