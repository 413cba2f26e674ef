# area: late-binding
# level: language
# min_version: 3.6
# spec: Language Reference 6.2.9.3 "Asynchronous generator functions"; 6.2.9.4 "Asynchronous generator-iterator methods" (__anext__() returns an awaitable whose StopIteration carries the yielded value; StopAsyncIteration at the end); 4.2.2 "Resolution of names"
# description: An async generator driven by agen.__anext__().send(None) reads its free variable at each step, seeing a rebinding made between steps.
# expect: result == ['a0', 'b1', 'exhausted']
def step(agen):
    try:
        agen.__anext__().send(None)
    except StopIteration as stop:
        return stop.value
    except StopAsyncIteration:
        return 'exhausted'
def outer():
    prefix = 'a'
    async def agen():
        for i in range(2):
            yield prefix + str(i)
    g = agen()
    out = [step(g)]
    prefix = 'b'
    out.append(step(g))
    out.append(step(g))
    return out
probe_call("result", outer)
