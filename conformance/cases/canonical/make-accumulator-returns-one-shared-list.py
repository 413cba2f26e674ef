# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; Data model 3.1 "Objects, values and types" (identity of mutable objects)
# description: make_accumulator returns the captured list itself: the results of acc(1) and acc(2) are one object, so the first result also reads [1, 2] afterwards.
# expect: first == [1, 2]
# expect: second == [1, 2]
# expect: same == True
def make_accumulator():
    items = []
    def add(item):
        items.append(item)
        return items
    return add
acc = make_accumulator()
r1 = acc(1)
r2 = acc(2)
probe("first", r1)
probe("second", r2)
probe("same", r1 is r2)
