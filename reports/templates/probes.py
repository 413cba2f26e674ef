# Stand-ins for the suite's probes, so that the program below runs in any Python 3:
# each prints what it observes. (The suite's own runner records the same facts.)
def probe(label, value):
    print(label, "=", repr(value))
    return value


def probe_call(label, function, *args, **kwargs):
    try:
        result = function(*args, **kwargs)
    except Exception as error:
        print(label, "raises", type(error).__name__ + ":", error)
        return None
    print(label, "returns", repr(result))
    return result


def _cell(cell):
    try:
        return "cell %#x holding %r" % (id(cell), cell.cell_contents)
    except ValueError:
        return "cell %#x, empty" % id(cell)


def probe_closure(label, function):
    closure = function.__closure__
    names = function.__code__.co_freevars
    print(label, "__closure__ is", None if closure is None else "a tuple of %d" % len(closure), "co_freevars", names)
    for name, cell in zip(names, closure or ()):
        print("   ", name, ":", _cell(cell))
    return function


def probe_cell(label, cell):
    print(label, _cell(cell))
    return cell
