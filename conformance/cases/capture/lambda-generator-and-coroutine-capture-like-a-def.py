# area: capture
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__), code objects (co_freevars)
# description: A lambda, a generator function and an async function reading an enclosing variable each have it as their one free variable, in the same cell.
# expect: lam.closure == 1
# expect: lam.freevars == {'x'}
# expect: lam.cell_ids.x == 0
# expect: gen.closure == 1
# expect: gen.freevars == {'x'}
# expect: gen.cell_ids.x == 0
# expect: coro.closure == 1
# expect: coro.freevars == {'x'}
# expect: coro.cell_ids.x == 0
def outer():
    x = 1
    lam = lambda: x
    def gen():
        yield x
    async def coro():
        return x
    return lam, gen, coro
lam, gen, coro = outer()
probe_closure("lam", lam)
probe_closure("gen", gen)
probe_closure("coro", coro)
