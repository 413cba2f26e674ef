# area: global
# level: language
# min_version: 3.0
# spec: Language Reference 7.12 "The global statement"; 4.2.2 "Resolution of names" (NameError when a name is not found)
# description: Reading a global-declared name that the module does not bind raises NameError, not UnboundLocalError, even though the enclosing function binds it.
# expect: result raises NameError
def outer():
    missing = 'enclosing'
    def inner():
        global missing
        return missing
    return inner
probe_call("result", outer())
