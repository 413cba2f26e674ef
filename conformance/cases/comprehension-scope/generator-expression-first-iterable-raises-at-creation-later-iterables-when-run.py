# area: comprehension-scope
# level: language
# min_version: 3.0
# spec: Language Reference 6.2.8 "Generator expressions" (the iterable of the leftmost for clause is evaluated immediately, so an error in it is raised where the generator expression is defined; later for clauses are evaluated when the generator runs)
# description: An error in a generator expression's first iterable is raised at creation; one in its second iterable only at the first next(); a name read by a later clause may be bound after creation.
# expect: result == ('at creation', 'created', [11, 12])
# expect: second raises LookupError
def boom():
    raise LookupError('evaluated')
def outer():
    try:
        (x for x in boom())
        first = 'lazy'
    except LookupError:
        first = 'at creation'
    h = (x for x in [1] for y in boom())
    status = 'created'
    probe_call("second", next, h)
    g = (x + y for x in [1, 2] for y in later)
    later = [10]
    return first, status, list(g)
probe_call("result", outer)
