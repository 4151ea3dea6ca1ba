"""The only code that touches the network: one thin module per transport."""
