# area: annotation-scopes
# level: language
# min_version: 3.6
# spec: Language Reference 7.2.2 "Annotated assignment statements" (annotations for local variables are not evaluated; the target is still bound, so the name is local); 4.2.2 "Resolution of names"
# description: `x: Undefined` in a function never evaluates Undefined, but makes x local, so reading x raises UnboundLocalError; with a value, the name is bound.
# expect: bare raises UnboundLocalError
# expect: with_value == 1
x = "global"
def bare():
    x: Undefined
    return x
def with_value():
    y: Undefined = 1
    return y
probe_call("bare", bare)
probe_call("with_value", with_value)
