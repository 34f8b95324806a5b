import numpy as np


def gmm_e_step(X, weights, means, covs):
    # densities computed directly (no log space): far points underflow to 0/0
    n, d = X.shape
    dens = np.empty((n, len(weights)))
    for k in range(len(weights)):
        diff = X - means[k]
        maha = np.einsum("ij,ij->i", diff, np.linalg.solve(covs[k], diff.T).T)
        norm = np.sqrt((2 * np.pi) ** d * np.linalg.det(covs[k]))
        dens[:, k] = weights[k] * np.exp(-0.5 * maha) / norm
    total = dens.sum(axis=1, keepdims=True)
    return dens / total, float(np.log(total).sum())
