# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.7 "Dictionary displays" (dict comprehensions); 4.2.2 "Resolution of names"
# description: The lambda values of a dict comprehension all read the comprehension variable's last value, while the keys were evaluated at once.
# expect: results == [('a', 'c'), ('b', 'c'), ('c', 'c')]
def make():
    return {k: (lambda: k) for k in 'abc'}
table = make()
probe("results", sorted((key, f()) for key, f in table.items()))
