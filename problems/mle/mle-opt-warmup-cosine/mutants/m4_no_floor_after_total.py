import math


def lr_at(step, base_lr, warmup, total, min_lr=0.0):
    # Keeps evaluating the cosine after `total`, so the rate climbs back up.
    if step < 0 or warmup < 0 or total < warmup:
        raise ValueError("bad arguments")
    if step < warmup:
        return float(base_lr * (step + 1) / warmup)
    progress = (step - warmup) / max(total - warmup, 1)
    return float(min_lr + 0.5 * (base_lr - min_lr) * (1.0 + math.cos(math.pi * progress)))
