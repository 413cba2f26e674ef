# area: late-binding
# level: language
# min_version: 3.0
# spec: Language Reference 8.4 "The try statement" (when return leaves the try or else clause, the finally clause is executed on the way out); 4.2.2 "Resolution of names"
# description: A closure returned from the else clause of try/except/else/finally reads the value the finally clause assigned after the return statement ran.
# expect: result == 'finally'
def outer():
    x = 'start'
    get = lambda: x
    try:
        x = 'try'
    except ValueError:
        x = 'except'
    else:
        x = 'else'
        return get
    finally:
        x = 'finally'
probe_call("result", outer())
