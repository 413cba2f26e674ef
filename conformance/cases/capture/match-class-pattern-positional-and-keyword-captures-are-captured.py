# area: capture
# level: language
# min_version: 3.10
# spec: Language Reference 8.6.4.10 "Class Patterns" (positional sub-patterns map to attributes named by __match_args__, keyword sub-patterns to the named attribute); 4.2.2 "Resolution of names"
# description: Names bound by positional (via __match_args__) and keyword sub-patterns of a class pattern are captured by a lambda in the case block.
# expect: result == (1, 2, 'p')
class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y, label):
        self.x = x
        self.y = y
        self.label = label
def outer(point):
    match point:
        case Point(a, b, label=lab):
            return lambda: (a, b, lab)
    return None
probe_call("result", outer(Point(1, 2, 'p')))
