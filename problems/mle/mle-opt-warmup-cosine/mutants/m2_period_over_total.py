import math


def lr_at(step, base_lr, warmup, total, min_lr=0.0):
    # The cosine runs over `total` steps instead of `total - warmup`.
    if step < 0 or warmup < 0 or total < warmup:
        raise ValueError("bad arguments")
    if step < warmup:
        return float(base_lr * (step + 1) / warmup)
    if step >= total:
        return float(min_lr)
    progress = (step - warmup) / total
    return float(min_lr + 0.5 * (base_lr - min_lr) * (1.0 + math.cos(math.pi * progress)))
