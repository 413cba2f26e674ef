# area: global
# level: language
# min_version: 3.0
# spec: Language Reference 7.12 "The global statement"; 8.6.4.9 "Mapping Patterns"; 8.6.4.4 "Capture Patterns"
# description: A capture pattern whose name is declared global in a nested function binds the module's variable and leaves the enclosing function's variable alone.
# expect: result == ('enclosing', 'matched')
x = 'module'
def outer():
    x = 'enclosing'
    def inner(subject):
        global x
        match subject:
            case {'k': x}:
                pass
    inner({'k': 'matched'})
    return x, globals()['x']
probe_call("result", outer)
