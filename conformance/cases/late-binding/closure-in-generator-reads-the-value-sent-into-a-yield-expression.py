# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.9 "Yield expressions"; 6.2.9.1 "Generator-iterator methods" (send() resumes the generator and its value becomes the result of the yield expression); 4.2.2 "Resolution of names"
# description: In `x = yield get()`, a lambda made once inside the generator reads x each time it is called, so it returns each value sent in.
# expect: result == [None, 'a', 'b']
def gen():
    x = None
    get = lambda: x
    while True:
        x = yield get()
def outer():
    g = gen()
    out = [next(g)]
    out.append(g.send('a'))
    out.append(g.send('b'))
    return out
probe_call("result", outer)
