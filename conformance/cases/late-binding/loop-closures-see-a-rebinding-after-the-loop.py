# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 8.3 "The for statement"
# description: Closures made in a for loop read the loop variable at call time, so a rebinding after the loop is what they all return.
# expect: results == [99, 99, 99]
def make():
    funcs = []
    for i in range(3):
        funcs.append(lambda: i)
    i = 99
    return funcs
probe("results", [f() for f in make()])
