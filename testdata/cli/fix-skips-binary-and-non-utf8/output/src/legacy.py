# -*- coding: latin-1 -*-
# Auteur: François
import datetime

started = datetime.datetime.utcnow()
