# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.9 "Yield expressions" (generator functions); 4.2.2 "Resolution of names"
# description: A nested generator function reads the enclosing variable each time it resumes, so a rebinding between two next() calls shows.
# expect: result == ['a', 'b']
def outer():
    x = 'a'
    def gen():
        while True:
            yield x
    g = gen()
    seen = [next(g)]
    x = 'b'
    seen.append(next(g))
    return seen
probe_call("result", outer)
