# area: global
# level: language
# min_version: 3.0
# spec: Language Reference 7.12 "The global statement"; 8.3 "The for statement"
# description: A for loop in a nested function whose target is declared global leaves the last item in the module variable.
# expect: enclosing == 'enclosing'
# expect: module == 3
def outer():
    i = 'enclosing'
    def loop():
        global i
        for i in [1, 2, 3]:
            pass
    loop()
    return i
probe_call("enclosing", outer)
probe("module", i)
