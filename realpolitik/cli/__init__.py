"""realpolitik.cli"""
