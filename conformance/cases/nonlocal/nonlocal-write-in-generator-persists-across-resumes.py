# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 6.2.9 "Yield expressions"
# description: A generator that rebinds an enclosing variable through nonlocal before each yield leaves the enclosing function seeing each new value between resumes.
# expect: result == [1, 2, 3]
def outer():
    n = 0
    def ticker():
        nonlocal n
        while True:
            n += 1
            yield
    t = ticker()
    seen = []
    for _ in range(3):
        next(t)
        seen.append(n)
    return seen
probe_call("result", outer)
