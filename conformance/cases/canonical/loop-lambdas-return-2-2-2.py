# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (names are looked up when the code runs)
# description: Tutorial (seed 001) late-binding trap: lambdas appended in a module-level for loop all return 2. (At module level i is a global, so nothing is captured at all; the lookup is still at call time.)
# expect: results == [2, 2, 2]
funcs = []
for i in range(3):
    funcs.append(lambda: i)
probe("results", [f() for f in funcs])
