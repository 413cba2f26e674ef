# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 4.2.1 "Binding of names" (for loop targets)
# description: Lambdas made in a for loop all read the loop variable when called, after the loop: its last value.
# expect: results == [2, 2, 2]
funcs = []
def make():
    for i in range(3):
        funcs.append(lambda: i)
make()
probe("results", [f() for f in funcs])
