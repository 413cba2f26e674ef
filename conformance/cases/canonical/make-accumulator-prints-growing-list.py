# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (a mutation is not a binding: no nonlocal is needed); Data model 3.1 "Objects, values and types" (mutable objects)
# description: Tutorial (seed 004) make_accumulator, indentation restored: appending to the captured list without nonlocal prints [1] then [1, 2].
# expect: program.output == '[1]\n[1, 2]\n'
def make_accumulator():
    items = []

    def add(item):
        items.append(item)
        return items

    return add

acc = make_accumulator()
print(acc(1))  # [1]
print(acc(2))  # [1, 2]
