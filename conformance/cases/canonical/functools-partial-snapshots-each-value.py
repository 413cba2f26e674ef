# area: canonical
# level: language
# min_version: 3.0
# spec: functools.partial (arguments are stored when the partial object is made); Language Reference 4.2.2 "Resolution of names"
# description: Tutorial (seed 001) fix: functools.partial(lambda i: i, i) in the loop stores each value of i, giving [0, 1, 2].
# requires: functools
# expect: results == [0, 1, 2]
import functools
funcs = []
for i in range(3):
    funcs.append(functools.partial(lambda i: i, i))
probe("results", [f() for f in funcs])
