# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 8.7 "Function definitions" (default parameter values are evaluated when the function definition is executed); 6.2.4 "Displays for lists, sets and dictionaries"
# description: Tutorial (seed 001) fix: `lambda i=i: i` in a comprehension snapshots each value as a default, giving [0, 1, 2].
# expect: results == [0, 1, 2]
funcs = [lambda i=i: i for i in range(3)]
probe("results", [f() for f in funcs])
