# area: introspection
# level: language
# min_version: 3.0
# spec: Language Reference 4.2 "Naming and binding": "Interaction with dynamic features"
# description: exec() of code reading x inside a nested function that never mentions x raises NameError.
# expect: result raises NameError
def outer():
    x = 'enclosing'
    def inner():
        exec('y = x')
        return 'no error'
    return inner
probe_call("result", outer())
