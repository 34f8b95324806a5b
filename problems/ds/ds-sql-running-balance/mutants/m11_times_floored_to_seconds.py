# breaks: column-kinds
import pandas as pd


def running_balance(df, account, ts, amount):
    # "Cleans" the timestamps with pd.to_datetime(...).dt.floor("s"): right for datetimes at whole
    # seconds, but integer timestamps become nanoseconds and all floor to the same second.
    key = pd.to_datetime(df[ts]).dt.floor("s")
    ordered = df.assign(_key=key).sort_values("_key", kind="stable")
    return ordered.groupby(account, sort=False)[amount].cumsum().reindex(df.index).rename("balance")
