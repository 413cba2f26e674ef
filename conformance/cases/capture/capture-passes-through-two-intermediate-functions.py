# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"
# description: Capture reaches through two levels of functions that do not use the name, and the outer's later rebinding shows.
# expect: result == 'rebound'
def outer():
    x = 'first'
    def a():
        def b():
            def c():
                return x
            return c
        return b
    c = a()()
    x = 'rebound'
    return c()
probe_call("result", outer)
