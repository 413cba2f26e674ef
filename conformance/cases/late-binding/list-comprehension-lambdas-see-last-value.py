# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (the comprehension runs in its own scope); 4.2.2 "Resolution of names"
# description: Lambdas made by a list comprehension all read the comprehension variable's last value.
# expect: results == [2, 2, 2]
def make():
    return [lambda: i for i in range(3)]
probe("results", [f() for f in make()])
