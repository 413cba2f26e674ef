# area: global
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 7.12 "The global statement"
# description: A function nested in a global-declaring function reads the module variable at each call, seeing rebindings made by that function and by the module.
# expect: result == ['set by middle', 'set by module']
def outer():
    x = 'outer'
    def middle():
        global x
        x = 'set by middle'
        def inner():
            return x
        return inner
    return middle()
inner = outer()
seen = [inner()]
x = 'set by module'
seen.append(inner())
probe("result", seen)
