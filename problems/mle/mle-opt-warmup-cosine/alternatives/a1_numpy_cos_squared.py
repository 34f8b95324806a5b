import numpy as np


def lr_at(step, base_lr, warmup, total, min_lr=0.0):
    # Uses 0.5 * (1 + cos(pi p)) = cos(pi p / 2) ** 2 and a clipped progress instead of a branch at total.
    if step < 0 or warmup < 0 or total < warmup:
        raise ValueError("bad schedule arguments")
    if step < warmup:
        return float(base_lr * (step + 1) / warmup)
    span = total - warmup
    p = 1.0 if span == 0 else np.clip((step - warmup) / span, 0.0, 1.0)  # no decay phase: the floor
    return float(min_lr + (base_lr - min_lr) * np.cos(np.pi * p / 2.0) ** 2)
