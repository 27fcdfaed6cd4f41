"""realpolitik.events"""
