# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 8.7 "Function definitions" (default parameter values are evaluated when the definition is executed)
# description: Tutorial (seed 002) create_multipliers_fixed: the default i=i snapshots each value, so m(2) gives [0, 2, 4].
# expect: program.output == '[0, 2, 4]\n'
def create_multipliers_fixed():
    multipliers = []
    for i in range(3):
        def multiplier(x, i=i):  # Capture current value as default parameter
            return i * x
        multipliers.append(multiplier)
    return multipliers

multipliers = create_multipliers_fixed()
print([m(2) for m in multipliers])  # Output: [0, 2, 4]
