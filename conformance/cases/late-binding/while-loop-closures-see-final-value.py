# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 8.2 "The while statement"
# description: Closures made in a while loop over a counter all read the counter's value after the loop.
# expect: results == [3, 3, 3]
def make():
    funcs = []
    n = 0
    while n < 3:
        funcs.append(lambda: n)
        n += 1
    return funcs
probe("results", [f() for f in make()])
