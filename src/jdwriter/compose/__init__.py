"""A pure function from a Request and the Catalog to a JobDescription."""
