# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"
# description: Tutorial (seed 004) make_counter with count_up, indentation restored: visits() prints 1, 2, 3.
# expect: program.output == '1\n2\n3\n'
def make_counter():
    count = 0

    def count_up():
        nonlocal count
        count += 1
        return count

    return count_up

visits = make_counter()
print(visits())  # 1
print(visits())  # 2
print(visits())  # 3
