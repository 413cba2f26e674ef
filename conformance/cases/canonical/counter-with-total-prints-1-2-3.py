# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"
# description: Tutorial (seed 004) counter() with `nonlocal total`, indentation restored: three calls print 1, 2, 3.
# expect: program.output == '1\n2\n3\n'
def counter():
    total = 0

    def increment():
        nonlocal total
        total += 1
        return total

    return increment

count = counter()
print(count())  # 1
print(count())  # 2
print(count())  # 3
