# area: syntax-errors
# level: language
# min_version: 3.6
# spec: PEP 526 "Syntax for Variable Annotations" (annotating a name declared global or nonlocal in the same scope is illegal); Language Reference 7.2.2 "Annotated assignment statements"
# description: A name declared nonlocal cannot be given an annotation in the same function.
# negative: SyntaxError
def outer():
    x = 1
    def inner():
        nonlocal x
        x: int = 2
    return inner
