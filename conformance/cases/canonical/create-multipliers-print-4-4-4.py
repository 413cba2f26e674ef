# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"; 8.3 "The for statement" (the loop rebinds one variable)
# description: Tutorial (seed 002) create_multipliers: the three closures share the loop variable i, which is 2 when they run, so m(2) gives [4, 4, 4].
# expect: program.output == '[4, 4, 4]\n'
def create_multipliers():
    multipliers = []
    for i in range(3):
        def multiplier(x):
            return i * x
        multipliers.append(multiplier)
    return multipliers

# What we might expect: [0*x, 1*x, 2*x]
# What we get: [2*x, 2*x, 2*x] because all closures capture the same i
multipliers = create_multipliers()
print([m(2) for m in multipliers])  # Output: [4, 4, 4]
