"""Scale-out: the same per-article function on a Dask cluster (local by default)."""
