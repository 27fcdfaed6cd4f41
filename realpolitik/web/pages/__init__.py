"""Dashboard pages: server-rendered Jinja2 templates; charts drawn by static JS from JSON blocks."""
