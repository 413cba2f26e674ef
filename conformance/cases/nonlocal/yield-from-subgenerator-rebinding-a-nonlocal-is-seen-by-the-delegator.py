# area: nonlocal
# level: language
# min_version: 3.3
# spec: Language Reference 6.2.9 "Yield expressions" (yield from passes send() values to the subiterator; its return value is the value of the yield from expression); 7.13 "The nonlocal statement"
# description: A subgenerator driven through yield from rebinds a nonlocal with the sent value; the delegating generator and the enclosing function read the new value.
# expect: result == (['sub-1', ('returned', 11, 10)], 10)
def outer():
    state = 0
    def sub():
        nonlocal state
        state = yield 'sub-1'
        state = state * 2
        return state + 1
    def delegator():
        r = yield from sub()
        yield ('returned', r, state)
    g = delegator()
    out = [next(g), g.send(5)]
    return out, state
probe_call("result", outer)
