# area: cell-sharing
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"; 4.2.2 "Resolution of names"
# description: Each call of a counter factory makes a fresh variable, so advancing one counter does not move the other.
# expect: result == [1, 2, 3, 1, 4]
def make_counter():
    n = 0
    def step():
        nonlocal n
        n += 1
        return n
    return step
a = make_counter()
b = make_counter()
probe("result", [a(), a(), a(), b(), a()])
