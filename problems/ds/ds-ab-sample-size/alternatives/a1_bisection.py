from statistics import NormalDist


def n_per_arm(p0, mde, alpha=0.05, power=0.8):
    # Search for the smallest integer n whose (approximate) power reaches the target:
    # power(n) = Phi(mde / sqrt(V / n) - z_{1-alpha/2}), V = p0(1-p0) + p1(1-p1),
    # which is exactly the condition n >= (z_{1-alpha/2} + z_power)^2 V / mde^2.
    if not (0 < p0 < 1) or not (mde > 0) or not (0 < alpha < 1) or not (0 < power < 1):
        raise ValueError("invalid arguments")
    p1 = p0 + mde
    if p1 >= 1:
        raise ValueError("p1 = p0 + mde must be below 1")
    nd = NormalDist()
    v = p0 * (1 - p0) + p1 * (1 - p1)
    za = nd.inv_cdf(1 - alpha / 2)
    zb = nd.inv_cdf(power)

    def enough(n):  # the sample-size condition in the form mde * sqrt(n / V) >= za + zb
        return mde * (n / v) ** 0.5 >= za + zb

    hi = 1
    while not enough(hi):
        hi *= 2
    lo = hi // 2  # enough(lo) is False (or lo == 0)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if enough(mid):
            hi = mid
        else:
            lo = mid
    return hi
