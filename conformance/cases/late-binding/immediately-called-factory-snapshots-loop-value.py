# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 8.7 "Function definitions" (each call binds its parameters anew)
# description: Calling a factory in each iteration gives each closure its own variable holding that iteration's value.
# expect: results == [0, 1, 2]
def make_getter(v):
    def get():
        return v
    return get
def make():
    funcs = []
    for i in range(3):
        funcs.append(make_getter(i))
    return funcs
probe("results", [f() for f in make()])
