"""realpolitik.ingest"""
