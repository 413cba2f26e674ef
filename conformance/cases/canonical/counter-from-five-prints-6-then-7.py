# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 7.13 "The nonlocal statement"
# description: Tutorial (seed 002) counter(initial_value): counter(5) returns 6, then 7.
# expect: program.output == '6\n7\n'
def counter(initial_value=0):
    count = initial_value

    def increment():
        nonlocal count  # Required to modify the captured variable
        count += 1
        return count

    return increment

counter_func = counter(5)
print(counter_func())  # Output: 6
print(counter_func())  # Output: 7
