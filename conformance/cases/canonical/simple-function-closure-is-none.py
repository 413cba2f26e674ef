# area: canonical
# level: data-model
# min_version: 3.0
# spec: Data model 3.2 "The standard type hierarchy": user-defined functions (__closure__ is None or a tuple of cells)
# description: Tutorial (seed 004) simple_function captures nothing, so its __closure__ is None (the seed's `.closure` is a markdown-mangled `__closure__`).
# requires: closure_attr
# expect: program.output == 'None\n'
def simple_function():
    return 42

print(simple_function.__closure__)  # Output: None
