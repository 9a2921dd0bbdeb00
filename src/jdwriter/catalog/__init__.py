"""The catalogue: data/ (duties, directions, levels, industries, vocabulary) loaded into typed models and validated once."""
