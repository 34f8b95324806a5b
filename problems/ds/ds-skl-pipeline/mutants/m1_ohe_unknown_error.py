from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def make_model(num_cols, cat_cols):
    # OneHotEncoder left at its default handle_unknown="error".
    numeric = Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())])
    categorical = Pipeline([("imp", SimpleImputer(strategy="most_frequent")), ("ohe", OneHotEncoder())])
    pre = ColumnTransformer([("num", numeric, list(num_cols)), ("cat", categorical, list(cat_cols))])
    return Pipeline([("pre", pre), ("clf", LogisticRegression(max_iter=1000))])
