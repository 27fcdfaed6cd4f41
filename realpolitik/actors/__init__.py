"""realpolitik.actors"""
