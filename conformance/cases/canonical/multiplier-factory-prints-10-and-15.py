# area: canonical
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names"
# description: Tutorial (seed 004) multiplier(factor) function factory: double(5) prints 10 and triple(5) prints 15.
# expect: program.output == '10\n15\n'
def multiplier(factor):
    def multiply(number):
        return number * factor
    return multiply

double = multiplier(2)
triple = multiplier(3)

print(double(5))  # 10
print(triple(5))  # 15
