# area: cell-sharing
# level: language
# min_version: 3.0
# spec: Language Reference 8.9.1 "Coroutine function definition"; 7.13 "The nonlocal statement"; 4.2.2 "Resolution of names"; Data model 3.4.2 "Coroutine Objects"
# description: A coroutine created before a sibling coroutine rebinds the shared variable through nonlocal reads the new value when it runs.
# expect: result == 'written'
def run(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
def outer():
    value = 'initial'
    async def writer():
        nonlocal value
        value = 'written'
    async def reader():
        return value
    pending = reader()
    run(writer())
    return run(pending)
probe_call("result", outer)
