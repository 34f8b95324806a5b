from sklearn.compose import make_column_transformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def make_model(num_cols, cat_cols):
    # Auto-named steps, categorical block first, dense one-hot output.
    return make_pipeline(
        make_column_transformer(
            (make_pipeline(SimpleImputer(strategy="most_frequent"),
                           OneHotEncoder(handle_unknown="ignore", sparse_output=False)), list(cat_cols)),
            (make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), list(num_cols)),
        ),
        LogisticRegression(max_iter=1000),
    )
