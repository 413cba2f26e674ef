# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 6.4 "Await expression"; 7.13 "The nonlocal statement"; Data model 3.4.2 "Coroutine Objects"
# description: Each await of a coroutine that increments a nonlocal counter is seen by the awaiting coroutine, which reads the same cell.
# expect: result == (1, 2, 2)
def run(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
def outer():
    count = 0
    async def bump():
        nonlocal count
        count += 1
        return count
    async def main():
        a = await bump()
        b = await bump()
        return a, b, count
    return run(main())
probe_call("result", outer)
