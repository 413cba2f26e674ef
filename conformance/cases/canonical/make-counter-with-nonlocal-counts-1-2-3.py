# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 7.2.1 "Augmented assignment statements"
# description: Tutorial (seed 001) make_counter: with `nonlocal count`, c(), c(), c() gives (1, 2, 3).
# expect: calls == (1, 2, 3)
def make_counter():
    count = 0
    def increment():
        nonlocal count  # rebind the enclosing count
        count += 1
        return count
    return increment
c = make_counter()
probe("calls", (c(), c(), c()))
