# area: comprehension-scope
# level: language
# min_version: 3.8
# negative: SyntaxError
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (since 3.8, yield and yield from are prohibited in the implicitly nested scope)
# description: `yield` in a list comprehension's element would run in the comprehension's own scope and is a SyntaxError.
def f():
    return [(yield x) for x in range(3)]
