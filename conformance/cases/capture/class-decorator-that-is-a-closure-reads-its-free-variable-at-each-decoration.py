# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 8.8 "Class definitions" (class decorators are evaluated and applied like function decorators); 4.2.2 "Resolution of names"
# description: A closure used as a class decorator appends to a captured list and reads a captured label when each decorated class statement runs.
# expect: result == ([('A', 'first'), ('B', 'second')], 'first', 'second')
def outer():
    registry = []
    label = 'first'
    def register(cls):
        registry.append((cls.__name__, label))
        cls.label = label
        return cls
    @register
    class A:
        pass
    label = 'second'
    @register
    class B:
        pass
    return registry, A.label, B.label
probe_call("result", outer)
