# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"
# description: Tutorial (seed 002) power_factory: square(4) prints 16 and cube(4) prints 64.
# expect: program.output == '16\n64\n'
def power_factory(exponent):
    def power(base):
        return base ** exponent
    return power

square = power_factory(2)
cube = power_factory(3)

print(square(4))  # Output: 16
print(cube(4))    # Output: 64
