# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.4 "Displays for lists, sets and dictionaries" (an `async for` comprehension runs in its own nested scope, in an async def); 4.2.2 "Resolution of names"
# description: Lambdas made in an async comprehension capture the comprehension's variable (one cell, last value) and the enclosing function's variable, which does not get the iteration variable.
# expect: result == ([6, 6, 6], False)
def run(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
def outer():
    factor = 3
    async def agen(n):
        for i in range(n):
            yield i
    async def main():
        fs = [lambda: i * factor async for i in agen(3)]
        return [f() for f in fs], 'i' in locals()
    return run(main())
probe_call("result", outer)
