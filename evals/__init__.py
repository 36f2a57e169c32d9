"""The eval harness: hand-written gold questions and RealTime QA, scored (`newsqa eval`).

The product never imports this package; it imports the product."""
