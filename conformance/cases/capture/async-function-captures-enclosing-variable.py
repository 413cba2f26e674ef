# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 8.9.1 "Coroutine function definition"; 4.2.2 "Resolution of names"
# description: A nested async function reads the enclosing variable when its coroutine runs (driven by hand with send(None)), not when the coroutine was created.
# expect: result == 'rebound'
def outer():
    x = 'first'
    async def coro():
        return x
    c = coro()
    x = 'rebound'
    try:
        c.send(None)
    except StopIteration as stop:
        return stop.value
probe_call("result", outer)
