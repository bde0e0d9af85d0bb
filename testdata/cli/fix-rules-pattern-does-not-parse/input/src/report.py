import datetime
import unittest


class ReportTest(unittest.TestCase):
    def test_created(self):
        created = datetime.datetime.utcfromtimestamp(0)
        self.assertEquals(created.year, 1970)
