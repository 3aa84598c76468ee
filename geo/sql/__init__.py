"""SQL of the analytics, one module per aggregate, values always as bound parameters."""
