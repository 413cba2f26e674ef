# area: nonlocal
# level: language
# min_version: 3.5
# spec: Language Reference 8.9.1 "Coroutine function definition"; 6.4 "Await expression"; Data model 3.4.2 "Coroutine Objects" (send(None) runs to the next suspension; StopIteration carries the return value); 7.13 "The nonlocal statement"
# description: A coroutine driven without asyncio (send(None) until StopIteration) suspends once in an awaitable; its nonlocal writes before and after the suspension reach the enclosing variable.
# expect: result == ((1, 12), 12)
class Suspend:
    def __await__(self):
        yield 'suspended'
def run(coro):
    steps = 0
    while True:
        try:
            coro.send(None)
        except StopIteration as stop:
            return steps, stop.value
        steps += 1
def outer():
    x = 1
    async def work():
        nonlocal x
        x += 1
        await Suspend()
        x += 10
        return x
    return run(work()), x
probe_call("result", outer)
