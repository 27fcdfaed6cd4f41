"""realpolitik.brief"""
