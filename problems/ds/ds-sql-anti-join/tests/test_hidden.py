import numpy as np
import pandas as pd

from grader.checklib import assert_frame


def _customers():
    return pd.DataFrame(
        {"id": [7, 3, 9, 4, 12],
         "name": ["Ada", "Ben", "Cy", "Dee", "Eli"],
         "email": ["ada@x.io", np.nan, "cy@x.io", np.nan, "eli@x.io"]},
        index=[10, 11, 12, 13, 14])


def _orders():
    return pd.DataFrame({"id": [1, 2, 3, 4], "customer_id": [3, 12, 3, 99],
                         "total": [20.0, 5.5, 8.25, 14.0]})


def _oracle(customers, orders):
    """Independent oracle: LEFT JOIN with an indicator, then the original rows by position."""
    left = customers.assign(__pos=np.arange(len(customers)))
    m = left.merge(orders[["customer_id"]].drop_duplicates(), how="left", left_on="id",
                   right_on="customer_id", indicator=True)
    return customers.iloc[np.sort(m.loc[m["_merge"] == "left_only", "__pos"].to_numpy())]


def test_worked_example(learner, reference):
    """The worked example from the statement."""
    c, o = _customers(), _orders()
    assert_frame(learner.customers_without_orders(c, o), reference.customers_without_orders(c, o))


def test_repeated_orders(learner):
    """A customer with several orders is dropped once; customers without orders are all kept."""
    c = pd.DataFrame({"id": [1, 2, 3, 4], "city": ["Oslo", "Rome", "Lima", "Pune"]})
    o = pd.DataFrame({"id": [100, 101, 102, 103, 104], "customer_id": [2, 2, 2, 4, 2]})
    assert_frame(learner.customers_without_orders(c, o), c.iloc[[0, 2]])


def test_order_id_is_not_the_customer_key(learner):
    """Membership is tested on orders['customer_id'], not on the order id column."""
    c = pd.DataFrame({"id": [1, 2, 3, 4, 5], "tier": [1.5, 2.5, 0.5, 3.0, 1.0]})
    o = pd.DataFrame({"id": [1, 2, 3], "customer_id": [5, 5, 3]})
    assert_frame(learner.customers_without_orders(c, o), c.iloc[[0, 1, 3]])


def test_orphan_orders_ignored(learner):
    """Orders whose customer_id matches no customer add no rows and change nothing."""
    c = pd.DataFrame({"id": [10, 20, 30], "name": ["p", "q", "r"]}, index=["a", "b", "c"])
    o = pd.DataFrame({"id": [1, 2, 3, 4], "customer_id": [99, 20, 77, 99]})
    assert_frame(learner.customers_without_orders(c, o), c.iloc[[0, 2]])


def test_missing_values_in_other_columns(learner):
    """Customers with NaN in unrelated columns are kept when they have no orders, dropped when they do."""
    c = pd.DataFrame({"id": [1, 2, 3, 4],
                      "email": [np.nan, np.nan, "c@x", "d@x"],
                      "score": [np.nan, 1.0, np.nan, 2.0]},
                     index=[40, 30, 20, 10])
    o = pd.DataFrame({"id": [9, 8], "customer_id": [2, 3], "note": ["x", "y"]})
    assert_frame(learner.customers_without_orders(c, o), c.iloc[[0, 3]])


def test_empty_orders_returns_all(learner):
    """With no orders at all every customer is returned, index, order and dtypes unchanged."""
    c = _customers()
    o = _orders().iloc[:0]
    assert_frame(learner.customers_without_orders(c, o), c, what="result for empty orders")


def test_everyone_ordered_gives_empty(learner):
    """When every customer has an order the result has zero rows and the same columns and dtypes."""
    c = _customers()
    o = pd.DataFrame({"id": np.arange(6), "customer_id": [12, 4, 9, 3, 7, 7]})
    assert_frame(learner.customers_without_orders(c, o), c.iloc[:0], what="result when everyone ordered")


def test_index_order_and_dtypes_kept(learner):
    """Original index labels, row order, column order and dtypes (int, float32, bool, str) are kept."""
    c = pd.DataFrame({
        "name": ["u", "v", "w", "x", "y", "z"],
        "id": np.array([50, 10, 40, 20, 30, 60], dtype=np.int64),
        "w": np.array([0.5, 1.5, 2.5, 3.5, 4.5, 5.5], dtype=np.float32),
        "vip": [True, False, True, True, False, False],
    }, index=[105, 3, 77, 8, 1, 42])
    o = pd.DataFrame({"id": [1, 2], "customer_id": [40, 60]})
    assert_frame(learner.customers_without_orders(c, o), c.iloc[[0, 1, 3, 4]])


def test_random_tables_match_oracle(learner):
    """Random tables (overlapping id ranges, repeats, orphans, NaN) match a merge-based oracle."""
    rng = np.random.default_rng(5)
    n = 400
    c = pd.DataFrame({"id": rng.permutation(1000)[:n].astype(np.int64),
                      "spend": np.where(rng.random(n) < 0.2, np.nan, rng.normal(size=n)),
                      "seg": rng.choice(["a", "b", "c"], size=n)},
                     index=rng.permutation(5000)[:n])
    m = 700
    o = pd.DataFrame({"id": np.arange(m, dtype=np.int64) + 1,
                      "customer_id": rng.integers(0, 1200, size=m).astype(np.int64)})
    assert_frame(learner.customers_without_orders(c, o), _oracle(c, o))


def test_inputs_not_modified(learner):
    """Neither input DataFrame is modified."""
    c, o = _customers(), _orders()
    _, after = learner.customers_without_orders.call_keep_args(c.copy(deep=True), o.copy(deep=True))
    assert_frame(after[0], c, what="your customers after the call")
    assert_frame(after[1], o, what="your orders after the call")
