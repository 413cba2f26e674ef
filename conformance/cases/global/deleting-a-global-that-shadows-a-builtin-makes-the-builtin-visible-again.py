# area: global
# level: language
# min_version: 3.0
# spec: Language Reference 4.2.2 "Resolution of names" (a global name is looked up in the global namespace, then the builtins namespace, at each use); 7.12 "The global statement"; 7.5 "The del statement"
# description: A module global named len shadows the builtin for a nested function; after a function deletes it through `global len`, the same nested function calls the builtin again.
# expect: shadowed == 'shadow'
# expect: restored == 3
def len(obj):
    return 'shadow'
def outer():
    def use():
        return len('abc')
    return use
def unshadow():
    global len
    del len
use = outer()
probe_call("shadowed", use)
unshadow()
probe_call("restored", use)
