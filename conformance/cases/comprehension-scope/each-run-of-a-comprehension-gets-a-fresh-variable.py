# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (each evaluation runs the comprehension in a new nested scope)
# description: Running the same comprehension twice in one function call gives each run's lambdas their own variable: the first run's lambdas keep its last value.
# expect: result == [1, 1, 2, 2, 2]
def f():
    fs = []
    for n in (2, 3):
        fs += [lambda: i for i in range(n)]
    return [g() for g in fs]
probe_call("result", f)
