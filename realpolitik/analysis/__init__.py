"""realpolitik.analysis"""
