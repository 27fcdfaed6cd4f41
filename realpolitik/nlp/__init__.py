"""realpolitik.nlp"""
