# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.1 "Binding of names" (only identifier targets bind names); 7.2 "Assignment statements" (attribute and subscription targets evaluate the primary and mutate the object); 7.2.1 "Augmented assignment statements"
# description: Assigning and augmented-assigning to x.attr and y[0] in a nested function reads x and y as free variables and mutates the enclosing function's objects.
# expect: result == (2, [2], 'ok')
def outer():
    class NS:
        pass
    x = NS()
    y = [0]
    def inner():
        x.attr = 1
        y[0] = 1
        x.attr += 1
        y[0] += 1
        return 'ok'
    status = inner()
    return x.attr, y, status
probe_call("result", outer)
