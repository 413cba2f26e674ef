# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 7.5 "The del statement"
# description: After one nested function deletes a variable through nonlocal, another binds it again through nonlocal and every reader sees the new value.
# expect: result == ('again', 'again')
def outer():
    x = 'first'
    def drop():
        nonlocal x
        del x
    def put():
        nonlocal x
        x = 'again'
    read = lambda: x
    drop()
    put()
    return x, read()
probe_call("result", outer)
