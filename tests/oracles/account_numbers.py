#!/usr/bin/python3
# Exact share of valid Norwegian bank account numbers (11 digits, check digit mod 11 with
# weights 5 4 3 2 7 6 5 4 3 2 over the first ten) that the free-text fødselsnummer rule
# refuses: k1 (weights 3 7 6 1 8 9 4 5 2 over d1..d9) equals d10, k2 equals d11 (always, the
# weights are the account's), day d1d2 in 1..31 or 41..71, month d3d4 in 1..12, 41..52, 81..92.
# Written apart from the library (from the published rules: Skatteetaten's modulus-11 control
# digits, the account number's mod-11 check digit) and exact: it counts all 10^10 ten-digit
# prefixes through a table of (date ok, k1 sum, k2 sum) over the first six digits. Its output,
#   valid account numbers: 9090909091; refused: 184462821; share 0.020291 = 1 in 49.3
# is the expected value of test_account_numbers() in tests/c/test_personal.c and of the
# "False positives" paragraph of docs/user-guide.md. Runs in about 5 s (not part of ctest).
from fractions import Fraction
from itertools import product
W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
def ctl(s):  # control digit from a weighted sum: 11 - s mod 11, 11 -> 0, 10 -> none
    c = (11 - s % 11) % 11
    return None if c == 10 else c
# counts over d1..d6: (date ok, s1 mod 11, s2 mod 11)
head = {}
for d in product(range(10), repeat=6):
    day, mon = d[0] * 10 + d[1], d[2] * 10 + d[3]
    ok = (1 <= day <= 31 or 41 <= day <= 71) and (1 <= mon <= 12 or 41 <= mon <= 52 or 81 <= mon <= 92)
    k = (ok, sum(a * b for a, b in zip(W1, d)) % 11, sum(a * b for a, b in zip(W2, d)) % 11)
    head[k] = head.get(k, 0) + 1
valid = hit = 0
for (ok, s1, s2), n in head.items():
    for t in product(range(10), repeat=4):  # d7 d8 d9 d10
        a1 = (s1 + sum(a * b for a, b in zip(W1[6:], t[:3]))) % 11
        a2 = (s2 + sum(a * b for a, b in zip(W2[6:], t))) % 11
        if ctl(a2) is None:
            continue  # no valid account number with this prefix
        valid += n
        if ok and ctl(a1) == t[3]:
            hit += n
f = Fraction(hit, valid)
print(f"valid account numbers: {valid}; refused: {hit}; share {float(f):.6f} = 1 in {float(1/f):.1f}")
