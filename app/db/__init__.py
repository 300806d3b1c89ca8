"""Storage: one connection factory, versioned migrations, and small repositories. No Qt."""
