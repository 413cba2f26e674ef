# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 8.7 "Function definitions" (parameters after * are keyword-only, with or without defaults); 4.2.2 "Resolution of names"
# description: Keyword-only parameters, one without a default and one with, are captured by a nested function, which sees the parameter's rebinding in the function body.
# expect: result == ('K', 17)
def outer(*, key, other=17):
    def inner():
        return key, other
    key = key.upper()
    return inner
probe_call("result", outer(key='k'))
