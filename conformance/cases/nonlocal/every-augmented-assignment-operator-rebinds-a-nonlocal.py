# area: nonlocal
# level: language
# min_version: 3.0
# spec: Language Reference 7.2.1 "Augmented assignment statements" (each evaluates the target, applies the operator and rebinds the target); 7.13 "The nonlocal statement"
# description: -= *= //= %= **= <<= >>= &= |= ^= on a nonlocal each rebind the enclosing variable, and each step sees the previous one's result.
# expect: result == ([99, 198, 49, 9, 81, 324, 162, 160, 163, 162], 162)
def outer():
    v = 100
    log = []
    def step():
        nonlocal v
        v -= 1
        log.append(v)
        v *= 2
        log.append(v)
        v //= 4
        log.append(v)
        v %= 10
        log.append(v)
        v **= 2
        log.append(v)
        v <<= 2
        log.append(v)
        v >>= 1
        log.append(v)
        v &= 0xF0
        log.append(v)
        v |= 3
        log.append(v)
        v ^= 1
        log.append(v)
    step()
    return log, v
probe_call("result", outer)
