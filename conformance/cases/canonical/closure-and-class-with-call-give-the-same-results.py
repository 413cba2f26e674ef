# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; Data model 3.3.6 "Emulating callable objects" (__call__)
# description: Tutorial (seed 001) closure vs class: make_adder(n) and Adder(n) with __call__ compute the same sums.
# expect: closure == [11, 12, 13]
# expect: instance == [11, 12, 13]
def make_adder(n):
    return lambda x: x + n
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
    def reset(self):
        ...
probe("closure", [make_adder(10)(x) for x in (1, 2, 3)])
probe("instance", [Adder(10)(x) for x in (1, 2, 3)])
