"""Small reusable widgets: answer choices, charts, delegates."""
