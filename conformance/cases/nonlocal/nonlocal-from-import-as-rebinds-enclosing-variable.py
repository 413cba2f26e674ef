# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 7.11 "The import statement" (from ... import ... as)
# description: from ... import ... as with a nonlocal name binds the imported object in the enclosing function's variable.
# expect: result == 'OrderedDict'
def outer():
    cls = None
    def load():
        nonlocal cls
        from collections import OrderedDict as cls
    load()
    return cls.__name__
probe_call("result", outer)
