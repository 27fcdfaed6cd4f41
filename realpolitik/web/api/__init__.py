"""JSON API routers, one module per resource group, all under /api."""
