import math


def lr_at(step, base_lr, warmup, total, min_lr=0.0):
    # Warmup uses step / warmup, so step 0 gets a learning rate of 0.
    if step < 0 or warmup < 0 or total < warmup:
        raise ValueError("bad arguments")
    if step < warmup:
        return float(base_lr * step / warmup)
    if step >= total:
        return float(min_lr)
    progress = (step - warmup) / (total - warmup)
    return float(min_lr + 0.5 * (base_lr - min_lr) * (1.0 + math.cos(math.pi * progress)))
