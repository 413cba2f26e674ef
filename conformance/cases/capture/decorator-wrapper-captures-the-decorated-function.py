# area: capture
# level: language
# min_version: 3.0
# spec: Language Reference 8.7 "Function definitions" (decorators); 4.2.2 "Resolution of names"
# description: The wrapper a decorator returns calls the original function through the decorator's parameter, which it captured.
# expect: result == 'original!'
# expect: name == 'wrapper'
def shout(func):
    def wrapper():
        return func() + '!'
    return wrapper
@shout
def greet():
    return 'original'
probe_call("result", greet)
probe("name", greet.__name__)
