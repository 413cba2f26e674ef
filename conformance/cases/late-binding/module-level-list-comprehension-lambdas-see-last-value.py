# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries"; 4.2.2 "Resolution of names"
# description: Lambdas made by a list comprehension at module level also share the comprehension variable and read its last value.
# expect: results == ['z', 'z']
funcs = [lambda: c for c in 'yz']
probe("results", [f() for f in funcs])
